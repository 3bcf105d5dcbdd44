import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { type Pcsc, type PcscReader, PcscTerminal } from "./pcsc.ts";
import { readBasicInfo } from "./read-basic.ts";
import { SimulatedCard, syntheticCard } from "./simulator.ts";
import { TerminalError } from "./terminal.ts";

const PRESENT = 0x20;
const SHARED = 2;
const RESET = 1;

/** A PC/SC context and reader as @pokusew/pcsclite presents them, with the simulated card behind. */
class FakeReader extends EventEmitter {
  readonly name = "ACS ACR39U";
  state = 0;
  readonly SCARD_STATE_PRESENT = PRESENT;
  readonly SCARD_SHARE_SHARED = SHARED;
  readonly SCARD_RESET_CARD = RESET;
  readonly calls: string[] = [];
  readonly card = new SimulatedCard(syntheticCard);

  connect(options: { share_mode: number }, callback: (error: Error | null, protocol: number) => void) {
    this.calls.push(`connect ${options.share_mode}`);
    callback(null, 2);
  }
  transmit(
    data: Buffer,
    length: number,
    protocol: number,
    callback: (error: Error | null, data: Buffer) => void,
  ) {
    this.calls.push(`transmit ${data.toString("hex").slice(0, 4)} ${length} ${protocol}`);
    void this.card.transmit(new Uint8Array(data)).then((r) => callback(null, Buffer.from(r)));
  }
  disconnect(disposition: number, callback: (error: Error | null) => void) {
    this.calls.push(`disconnect ${disposition}`);
    this.card.reset();
    callback(null);
  }
}

function setUp() {
  const context = new EventEmitter() as EventEmitter & { close(): void };
  context.close = () => undefined;
  const terminal = PcscTerminal.over(context as unknown as Pcsc);
  return { context, terminal };
}

describe("PC/SC terminal", () => {
  it("says how to install @pokusew/pcsclite where it is missing (it is an optional peer, not installed by npm ci)", async () => {
    await expect(PcscTerminal.start()).rejects.toThrow(/@pokusew\/pcsclite が入っていません/);
  });

  it("has no reader until PC/SC announces one, and no card until the reader says it is present", async () => {
    const { context, terminal } = setUp();
    expect(await terminal.status()).toEqual({ reader: false, readerName: null, card: false });
    await expect(terminal.withCard(async () => 1)).rejects.toMatchObject({ code: "noReader" });
    const reader = new FakeReader();
    context.emit("reader", reader as unknown as PcscReader);
    expect(await terminal.status()).toEqual({ reader: true, readerName: "ACS ACR39U", card: false });
    await expect(terminal.withCard(async () => 1)).rejects.toBeInstanceOf(TerminalError);
    reader.emit("status", { state: PRESENT });
    expect((await terminal.status()).card).toBe(true);
    reader.emit("end");
    expect((await terminal.status()).reader).toBe(false);
  });

  it("reads through connect and transmit, and resets the card when it disconnects", async () => {
    const { context, terminal } = setUp();
    const reader = new FakeReader();
    context.emit("reader", reader as unknown as PcscReader);
    reader.emit("status", { state: PRESENT });
    const outcome = await terminal.withCard((card) => readBasicInfo(card, { pin: "1234" }));
    expect(outcome).toMatchObject({ kind: "ok", texts: { name: "高橋　一郎" } });
    expect(reader.calls[0]).toBe(`connect ${SHARED}`);
    expect(reader.calls.at(-1)).toBe(`disconnect ${RESET}`);
    expect(reader.calls.filter((c) => c.startsWith("transmit")).every((c) => c.endsWith(" 258 2"))).toBe(
      true,
    );
  });
});
