import type { ExportEncoding } from "@ichimado/core/statistics/period";
import { cp932Replacement, encodeCp932 } from "@ichimado/tools/csv/cp932";
import type { FastifyReply } from "fastify";

/** Response header: how many characters a CP932 file has as 〓 (0 for UTF-8); the web shows it. */
export const replacedHeader = "x-ichimado-replaced-characters";

/**
 * The file's bytes. UTF-8 carries a BOM so that Excel opens it as UTF-8. CP932 writes 〓 for a
 * character it cannot hold (a staff name with 𠮷, say) and counts them, rather than refusing: the
 * figures are still right, nobody at the counter can change the name, and the screen says how many
 * were replaced and that the UTF-8 file has them all.
 */
export function encodeCsv(text: string, encoding: ExportEncoding): { bytes: Buffer; replaced: number } {
  if (encoding === "utf8") return { bytes: Buffer.from(`\uFEFF${text}`, "utf-8"), replaced: 0 };
  const { bytes, replaced } = encodeCp932(text, { replacement: cp932Replacement });
  return { bytes, replaced: replaced.length };
}

/** `attachment` with an ASCII name for old clients and the Japanese one (RFC 6266 / 5987). */
export function attachment(name: { ascii: string; japanese: string }): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.japanese)}`;
}

/** A CSV download: its encoding's charset, its names, never cached, and the count of 〓. */
export function sendCsv(
  reply: FastifyReply,
  file: {
    bytes: Buffer;
    replaced: number;
    encoding: ExportEncoding;
    name: { ascii: string; japanese: string };
  },
): FastifyReply {
  return reply
    .header("content-type", `text/csv; charset=${file.encoding === "cp932" ? "Shift_JIS" : "UTF-8"}`)
    .header("content-disposition", attachment(file.name))
    .header("cache-control", "no-store")
    .header(replacedHeader, String(file.replaced))
    .send(file.bytes);
}
