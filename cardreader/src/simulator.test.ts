import { describe, expect, it } from "vitest";
import { files, readBinary, selectApp, selectFile, splitResponse, verify } from "./apdu.ts";
import { readBasicInfo } from "./read-basic.ts";
import { SimulatedCard, syntheticCard } from "./simulator.ts";
import { parseBasicInfo } from "./tlv.ts";

const card = () => new SimulatedCard({ ...syntheticCard, basic: { ...syntheticCard.basic } });
const sw = async (c: SimulatedCard, apdu: Uint8Array) => splitResponse(await c.transmit(apdu)).sw;

async function atPin(c: SimulatedCard, fileId: number = files.pin) {
  expect(await sw(c, selectApp())).toBe(0x9000);
  expect(await sw(c, selectFile(fileId))).toBe(0x9000);
}

describe("simulated card", () => {
  it("answers a wrong PIN with 63 C2, then 63 C1, tells the tries on an empty VERIFY, and resets on the right one", async () => {
    const c = card();
    await atPin(c);
    expect(await sw(c, verify())).toBe(0x63c3);
    expect(await sw(c, verify("0000"))).toBe(0x63c2);
    expect(await sw(c, verify("1111"))).toBe(0x63c1);
    expect(await sw(c, verify())).toBe(0x63c1);
    expect(await sw(c, verify("1234"))).toBe(0x9000);
    expect(await sw(c, verify())).toBe(0x9000);
    c.reset();
    await atPin(c);
    expect(await sw(c, verify())).toBe(0x63c3);
  });

  it("locks after three wrong PINs: 69 84 even for the right PIN, and nothing can be read", async () => {
    const c = card();
    await atPin(c);
    for (const expected of [0x63c2, 0x63c1, 0x63c0]) expect(await sw(c, verify("9999"))).toBe(expected);
    expect(await sw(c, verify("1234"))).toBe(0x6984);
    expect(await sw(c, verify())).toBe(0x6984);
    expect(await sw(c, selectFile(files.basicInfo))).toBe(0x9000);
    expect(await sw(c, readBinary(0, 5))).toBe(0x6982);
    c.reset();
    expect(await readBasicInfo(c, { pin: "1234" })).toEqual({ kind: "locked" });
  });

  it("reads the 基本4情報 with 照合番号B instead of the PIN, also when the PIN is locked", async () => {
    const c = new SimulatedCard({ ...syntheticCard, pinTries: 0 });
    const outcome = await readBasicInfo(c, { collationB: syntheticCard.collationB });
    expect(outcome).toEqual({
      kind: "ok",
      texts: {
        name: "高橋　一郎",
        address: "島根県出雲市今市町2丁目15番3号",
        birthDate: "19800401",
        sex: "1",
      },
    });
    c.reset();
    expect(await readBasicInfo(c, { collationB: "00000000000000" })).toEqual({
      kind: "wrongSecret",
      triesLeft: 2,
    });
  });

  it("reads the EF at any offset, and gives the same bytes in pieces as at once", async () => {
    const c = card();
    await atPin(c);
    await sw(c, verify("1234"));
    await sw(c, selectFile(files.basicInfo));
    const whole = splitResponse(await c.transmit(readBinary(0, 0)));
    expect(whole.sw).toBe(0x9000);
    const pieces: number[] = [];
    for (let offset = 0; offset < whole.data.length; offset += 7) {
      const r = splitResponse(await c.transmit(readBinary(offset, 7)));
      expect(r.sw).toBe(0x9000);
      pieces.push(...r.data);
    }
    expect(Uint8Array.from(pieces)).toEqual(whole.data);
    expect(parseBasicInfo(whole.data).name).toBe("高橋　一郎");
    expect(await sw(c, readBinary(whole.data.length + 1, 1))).toBe(0x6b00);
  });

  it("keeps the 個人番号 EF closed until VERIFY, and refuses unknown files and an unselected AP", async () => {
    const c = card();
    expect(await sw(c, selectFile(files.myNumber))).toBe(0x6a82);
    await sw(c, selectApp());
    expect(await sw(c, selectFile(0x0099))).toBe(0x6a82);
    expect(await sw(c, selectApp(Uint8Array.of(1, 2, 3)))).toBe(0x6a82);
    await sw(c, selectApp());
    expect(await sw(c, selectFile(files.myNumber))).toBe(0x9000);
    expect(await sw(c, readBinary(0, 0))).toBe(0x6982);
    await sw(c, selectFile(files.pin));
    await sw(c, verify("1234"));
    await sw(c, selectFile(files.myNumber));
    const r = splitResponse(await c.transmit(readBinary(0, 0)));
    expect(r.sw).toBe(0x9000);
    expect(new TextDecoder().decode(r.data.slice(2))).toBe(syntheticCard.myNumber);
  });
});
