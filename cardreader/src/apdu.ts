/**
 * ISO 7816-4 commands for the My Number card's 券面事項入力補助AP, written from the public
 * descriptions (AID, EF numbers, SELECT / VERIFY / READ BINARY). Short APDUs only: the AP's
 * files are small and every reader takes them.
 */

/** 券面事項入力補助AP. */
export const supportAppAid = Uint8Array.of(0xd3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08);

export const files = {
  /** 4-digit PIN (券面事項入力補助用暗証番号). */
  pin: 0x0011,
  collationA: 0x0014,
  /** 照合番号B: birth date YYMMDD + expiry year + security code, instead of the PIN. */
  collationB: 0x0015,
  /** 個人番号: not read by this bridge (see README). */
  myNumber: 0x0001,
  /** 基本4情報 (name, address, birth date, sex) as BER-TLV. */
  basicInfo: 0x0002,
  signature: 0x0003,
} as const;

export function selectApp(aid: Uint8Array = supportAppAid): Uint8Array {
  return Uint8Array.of(0x00, 0xa4, 0x04, 0x0c, aid.length, ...aid);
}

export function selectFile(fileId: number): Uint8Array {
  return Uint8Array.of(0x00, 0xa4, 0x02, 0x0c, 0x02, (fileId >> 8) & 0xff, fileId & 0xff);
}

/** VERIFY with the secret as ASCII digits; with none, the card only says how many tries are left. */
export function verify(secret?: string): Uint8Array {
  if (secret === undefined) return Uint8Array.of(0x00, 0x20, 0x00, 0x80);
  const bytes = new TextEncoder().encode(secret);
  return Uint8Array.of(0x00, 0x20, 0x00, 0x80, bytes.length, ...bytes);
}

/** READ BINARY from a 15-bit offset of the selected EF; length 0 asks for up to 256 bytes. */
export function readBinary(offset: number, length: number): Uint8Array {
  if (offset < 0 || offset > 0x7fff) throw new RangeError(`offset ${offset} out of range`);
  if (length < 0 || length > 256) throw new RangeError(`length ${length} out of range`);
  return Uint8Array.of(0x00, 0xb0, (offset >> 8) & 0x7f, offset & 0xff, length & 0xff);
}

export interface Response {
  data: Uint8Array;
  sw: number;
}

export function splitResponse(bytes: Uint8Array): Response {
  if (bytes.length < 2) throw new Error("card answered fewer than two bytes");
  const n = bytes.length;
  return { data: bytes.slice(0, n - 2), sw: ((bytes[n - 2] ?? 0) << 8) | (bytes[n - 1] ?? 0) };
}

export type Status =
  | { kind: "ok" }
  | { kind: "wrongSecret"; triesLeft: number }
  | { kind: "locked" }
  | { kind: "notFound" }
  | { kind: "error"; sw: number };

/** 90 00 ok; 63 Cx wrong secret with x tries left (63 C0 is locked); 69 83 / 69 84 locked; 6A 82 no such file. */
export function statusOf(sw: number): Status {
  if (sw === 0x9000) return { kind: "ok" };
  if ((sw & 0xfff0) === 0x63c0) {
    const triesLeft = sw & 0x0f;
    return triesLeft === 0 ? { kind: "locked" } : { kind: "wrongSecret", triesLeft };
  }
  if (sw === 0x6983 || sw === 0x6984) return { kind: "locked" };
  if (sw === 0x6a82) return { kind: "notFound" };
  return { kind: "error", sw };
}

export function hex(sw: number): string {
  return sw
    .toString(16)
    .toUpperCase()
    .padStart(4, "0")
    .replace(/(..)(..)/, "$1 $2");
}
