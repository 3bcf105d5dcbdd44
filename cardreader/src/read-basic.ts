import type { ReadBasicRequest } from "@ichimado/core/cardreader/schemas";
import { files, hex, readBinary, selectApp, selectFile, splitResponse, statusOf, verify } from "./apdu.ts";
import type { CardTransport } from "./terminal.ts";
import { type BasicInfoTexts, parseBasicInfo, readHeader } from "./tlv.ts";

export type ReadOutcome =
  | { kind: "ok"; texts: BasicInfoTexts }
  | { kind: "wrongSecret"; triesLeft: number }
  | { kind: "locked" };

/** A status word the procedure does not expect; its message names the step, never the data. */
export class CardError extends Error {}

async function command(card: CardTransport, apdu: Uint8Array, step: string) {
  const response = splitResponse(await card.transmit(apdu));
  return { ...response, status: statusOf(response.sw), step };
}

async function expectOk(card: CardTransport, apdu: Uint8Array, step: string): Promise<Uint8Array> {
  const r = await command(card, apdu, step);
  if (r.status.kind !== "ok") throw new CardError(`${step}: SW ${hex(r.sw)}`);
  return r.data;
}

/**
 * SELECT the AP, VERIFY the PIN (EF 00 11) or 照合番号B (EF 00 15), then READ BINARY the
 * 基本4情報 EF: its TLV header first for the length, then the rest in chunks at increasing offsets.
 */
export async function readBasicInfo(card: CardTransport, secret: ReadBasicRequest): Promise<ReadOutcome> {
  await expectOk(card, selectApp(), "SELECT 券面事項入力補助AP");
  const [fileId, value] = "pin" in secret ? [files.pin, secret.pin] : [files.collationB, secret.collationB];
  await expectOk(card, selectFile(fileId), "SELECT 暗証番号EF");
  const verified = await command(card, verify(value), "VERIFY");
  if (verified.status.kind === "wrongSecret")
    return { kind: "wrongSecret", triesLeft: verified.status.triesLeft };
  if (verified.status.kind === "locked") return { kind: "locked" };
  if (verified.status.kind !== "ok") throw new CardError(`VERIFY: SW ${hex(verified.sw)}`);

  await expectOk(card, selectFile(files.basicInfo), "SELECT 基本4情報EF");
  const head = await expectOk(card, readBinary(0, 5), "READ BINARY");
  const { headerSize, length } = readHeader(head);
  const total = headerSize + length;
  const chunks: Uint8Array[] = [head.slice(0, Math.min(head.length, total))];
  for (let offset = chunks[0]?.length ?? 0; offset < total; ) {
    const part = await expectOk(card, readBinary(offset, Math.min(0xff, total - offset)), "READ BINARY");
    if (part.length === 0) throw new CardError("READ BINARY: no data before the end of the 基本4情報");
    chunks.push(part);
    offset += part.length;
  }
  const bytes = Uint8Array.from(chunks.flatMap((c) => [...c]));
  return { kind: "ok", texts: parseBasicInfo(bytes.slice(0, total)) };
}
