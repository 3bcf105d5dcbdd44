/**
 * A BER-TLV reader for the 基本4情報 EF: multi-byte tags (private class FF 20, DF 21 …) and
 * definite lengths in short form or long form (81 xx, 82 xx xx).
 */
export interface Tlv {
  /** The tag bytes as one number: 0xFF20, 0xDF22 … */
  tag: number;
  constructed: boolean;
  value: Uint8Array;
  /** Bytes from the tag's first byte to the value's last. */
  size: number;
}

export class TlvError extends Error {}

/** Tag and length of the TLV at `offset`: how long the header is and how long the value. */
export function readHeader(
  bytes: Uint8Array,
  offset = 0,
): { tag: number; constructed: boolean; headerSize: number; length: number } {
  let i = offset;
  const first = byteAt(bytes, i++);
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let next: number;
    do {
      next = byteAt(bytes, i++);
      tag = tag * 256 + next;
    } while (next & 0x80);
  }
  const lengthByte = byteAt(bytes, i++);
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 3) throw new TlvError(`unsupported length form ${lengthByte.toString(16)}`);
    length = 0;
    for (let k = 0; k < count; k++) length = length * 256 + byteAt(bytes, i++);
  }
  return { tag, constructed: (first & 0x20) !== 0, headerSize: i - offset, length };
}

export function readTlvs(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    // Padding after the last object (unwritten EF bytes read as FF or 00).
    if (bytes[offset] === 0xff && bytes[offset + 1] === 0xff) break;
    if (bytes[offset] === 0x00) break;
    const h = readHeader(bytes, offset);
    const start = offset + h.headerSize;
    if (start + h.length > bytes.length) throw new TlvError("value runs past the end of the data");
    out.push({
      tag: h.tag,
      constructed: h.constructed,
      value: bytes.slice(start, start + h.length),
      size: h.headerSize + h.length,
    });
    offset = start + h.length;
  }
  return out;
}

function byteAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b === undefined) throw new TlvError("data ends inside a TLV header");
  return b;
}

/** Private tags of the 基本4情報 EF: FF 20 holds DF 21 (header) … DF 25 (sex). */
export const basicInfoTags = {
  outer: 0xff20,
  header: 0xdf21,
  name: 0xdf22,
  address: 0xdf23,
  birthDate: 0xdf24,
  sex: 0xdf25,
} as const;

export interface BasicInfoTexts {
  name: string;
  address: string;
  birthDate: string;
  sex: string;
}

export function parseBasicInfo(bytes: Uint8Array): BasicInfoTexts {
  const outer = readTlvs(bytes).find((t) => t.tag === basicInfoTags.outer);
  if (!outer) throw new TlvError("基本4情報 has no FF 20 object");
  const inner = new Map(readTlvs(outer.value).map((t) => [t.tag, t.value]));
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const text = (tag: number, name: string): string => {
    const value = inner.get(tag);
    if (!value) throw new TlvError(`基本4情報 has no ${name}`);
    return decoder.decode(value);
  };
  return {
    name: text(basicInfoTags.name, "name"),
    address: text(basicInfoTags.address, "address"),
    birthDate: text(basicInfoTags.birthDate, "birth date"),
    sex: text(basicInfoTags.sex, "sex"),
  };
}

/** Encodes one TLV (the simulator writes its EF with it). */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const tagBytes: number[] = [];
  for (let t = tag; t > 0; t = Math.floor(t / 256)) tagBytes.unshift(t & 0xff);
  if (tagBytes.length === 0) tagBytes.push(0);
  const n = value.length;
  const lengthBytes = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Uint8Array.of(...tagBytes, ...lengthBytes, ...value);
}
