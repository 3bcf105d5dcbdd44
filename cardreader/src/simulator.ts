import { z } from "zod";
import { files, supportAppAid } from "./apdu.ts";
import type { CardTerminal, CardTransport, TerminalStatus } from "./terminal.ts";
import { TerminalError } from "./terminal.ts";
import { basicInfoTags, encodeTlv } from "./tlv.ts";

/** A simulated card's contents: synthetic data only, never a real person's. */
export const simulatedCardSchema = z.object({
  pin: z.string().regex(/^\d{4}$/),
  collationB: z.string().regex(/^\d{14}$/),
  myNumber: z.string().regex(/^\d{12}$/),
  basic: z.object({
    name: z.string().min(1),
    address: z.string().min(1),
    /** As the chip holds it: YYYYMMDD. */
    birthDate: z.string(),
    /** ISO 5218: 1 male, 2 female. */
    sex: z.string(),
  }),
  /** Tries left on the PIN when the card is inserted (3 on a card in good standing). */
  pinTries: z.number().int().min(0).max(3).default(3),
});
export type SimulatedCardData = z.infer<typeof simulatedCardSchema>;

const maxTries = 3;
const sw = (value: number) => Uint8Array.of(value >> 8, value & 0xff);
const ok = 0x9000;

interface Secret {
  value: string;
  tries: number;
}

/**
 * The 券面事項入力補助AP as a state machine answering APDUs as the card does: the selected AP
 * and EF, a tries counter per secret (3, locked at 0, reset by a right answer), and the security
 * state that lets the 個人番号 and 基本4情報 EFs be read only after VERIFY. A reset (new
 * connection) clears the selection and the security state, never the counters.
 */
export class SimulatedCard implements CardTransport {
  private appSelected = false;
  private selected: number | null = null;
  private verified = false;
  private readonly secrets: Map<number, Secret>;
  private readonly binaries: Map<number, Uint8Array>;

  constructor(data: SimulatedCardData) {
    this.secrets = new Map([
      [files.pin, { value: data.pin, tries: data.pinTries }],
      [files.collationB, { value: data.collationB, tries: maxTries }],
    ]);
    this.binaries = new Map([
      [files.basicInfo, basicInfoEf(data.basic)],
      [files.myNumber, encodeTlv(0x10, new TextEncoder().encode(data.myNumber))],
    ]);
  }

  reset(): void {
    this.appSelected = false;
    this.selected = null;
    this.verified = false;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    return this.answer(command);
  }

  private answer(c: Uint8Array): Uint8Array {
    if (c.length < 4) return sw(0x6700);
    if (c[0] !== 0x00) return sw(0x6e00);
    const [, ins, p1, p2] = c;
    const lc = c.length > 5 ? (c[4] ?? 0) : 0;
    const data = c.slice(5, 5 + lc);
    if (c.length > 5 && c.length !== 5 + lc) return sw(0x6700);
    switch (ins) {
      case 0xa4:
        return this.select(p1 ?? 0, p2 ?? 0, data);
      case 0x20:
        return this.verify(p2 ?? 0, c.length === 4 ? null : data);
      case 0xb0:
        return this.read(((p1 ?? 0) << 8) | (p2 ?? 0), c.length === 5 ? (c[4] ?? 0) : -1);
      default:
        return sw(0x6d00);
    }
  }

  private select(p1: number, p2: number, data: Uint8Array): Uint8Array {
    if (p1 === 0x04) {
      if (!equal(data, supportAppAid)) return sw(0x6a82);
      this.appSelected = true;
      this.selected = null;
      this.verified = false;
      return sw(ok);
    }
    if (p1 !== 0x02 || p2 !== 0x0c || data.length !== 2) return sw(0x6a86);
    const id = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
    if (!this.appSelected || (!this.secrets.has(id) && !this.binaries.has(id))) return sw(0x6a82);
    this.selected = id;
    return sw(ok);
  }

  private verify(p2: number, data: Uint8Array | null): Uint8Array {
    const secret = this.selected === null ? undefined : this.secrets.get(this.selected);
    if (p2 !== 0x80 || !secret) return sw(0x6986);
    if (secret.tries === 0) return sw(0x6984);
    if (data === null) return sw(this.verified ? ok : 0x63c0 | secret.tries);
    if (new TextDecoder().decode(data) === secret.value) {
      secret.tries = maxTries;
      this.verified = true;
      return sw(ok);
    }
    secret.tries -= 1;
    this.verified = false;
    return sw(0x63c0 | secret.tries);
  }

  private read(offset: number, le: number): Uint8Array {
    if (offset & 0x8000) return sw(0x6a86);
    const ef = this.selected === null ? undefined : this.binaries.get(this.selected);
    if (!ef) return sw(0x6986);
    if (!this.verified) return sw(0x6982);
    if (offset > ef.length) return sw(0x6b00);
    const wanted = le < 0 ? 256 : le === 0 ? 256 : le;
    return Uint8Array.of(...ef.slice(offset, offset + wanted), ...sw(ok));
  }
}

/** FF 20 { DF 21 header, DF 22 name, DF 23 address, DF 24 birth date, DF 25 sex }, padded as an EF is. */
function basicInfoEf(basic: SimulatedCardData["basic"]): Uint8Array {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const inner = [
    encodeTlv(basicInfoTags.header, Uint8Array.of(0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00)),
    encodeTlv(basicInfoTags.name, utf8(basic.name)),
    encodeTlv(basicInfoTags.address, utf8(basic.address)),
    encodeTlv(basicInfoTags.birthDate, utf8(basic.birthDate)),
    encodeTlv(basicInfoTags.sex, utf8(basic.sex)),
  ];
  const body = Uint8Array.from(inner.flatMap((t) => [...t]));
  const outer = encodeTlv(basicInfoTags.outer, body);
  return Uint8Array.of(...outer, ...new Uint8Array(16).fill(0xff));
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A reader with the simulated card in it; tests take the card out to see the bridge's answer. */
export class SimulatorTerminal implements CardTerminal {
  readonly simulator = true;
  inserted = true;
  readonly card: SimulatedCard;

  constructor(data: SimulatedCardData) {
    this.card = new SimulatedCard(data);
  }

  async status(): Promise<TerminalStatus> {
    return { reader: true, readerName: "Ichimado simulated reader", card: this.inserted };
  }

  async withCard<T>(use: (card: CardTransport) => Promise<T>): Promise<T> {
    if (!this.inserted) throw new TerminalError("noCard", "card removed");
    this.card.reset();
    try {
      return await use(this.card);
    } finally {
      this.card.reset();
    }
  }

  async close(): Promise<void> {}
}

/** Built-in synthetic card: a made-up person, with 髙 written 高 as the chip does (代替文字). */
export const syntheticCard: SimulatedCardData = {
  pin: "1234",
  collationB: "80040120301234",
  myNumber: "123456789018",
  basic: {
    name: "高橋　一郎",
    address: "島根県出雲市今市町2丁目15番3号",
    birthDate: "19800401",
    sex: "1",
  },
  pinTries: 3,
};
