import { pt2mm } from "@pdfme/common";
import { PDFDocument } from "@pdfme/pdf-lib";

/**
 * Base PDFs: the city's paper forms. Read once at upload for their page sizes (fields are placed
 * in mm on them). A batch of forms embeds each distinct one once (form-batch.ts); leaflets are
 * joined after the filled-in forms.
 */
export interface PageSize {
  width: number;
  height: number;
}

/** The bytes pdfme and pdf-lib take (a plain ArrayBuffer behind them), without copying when possible. */
export function bytesOf(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

/** to 0.1 mm: finer than anyone places a field, and A4 reads as 210 × 297 whoever wrote the PDF */
const round = (mm: number) => Math.round(mm * 10) / 10;

/**
 * A base PDF as stored: its page sizes in mm, and its bytes — re-saved only when a page has no
 * content stream (a blank page from some generators), which pdf-lib cannot embed under the fields.
 * Null when the bytes are not a PDF pdf-lib can read (or are encrypted).
 */
export async function prepareBasePdf(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; pages: PageSize[] } | null> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return null;
  }
  const pages = doc.getPages();
  if (pages.length === 0) return null;
  const blank = pages.filter((p) => p.node.Contents() === undefined);
  // With no operators, pushOperators only gives the page an empty content stream.
  for (const page of blank) page.pushOperators();
  return {
    bytes: blank.length > 0 ? await doc.save() : bytesOf(bytes),
    pages: pages.map((p) => {
      const { width, height } = p.getSize();
      return { width: round(pt2mm(width)), height: round(pt2mm(height)) };
    }),
  };
}

/** The base PDFs one after another, as one PDF. */
export async function joinPdfs(parts: readonly Uint8Array<ArrayBuffer>[]): Promise<Uint8Array<ArrayBuffer>> {
  if (parts.length === 1) return parts[0] as Uint8Array<ArrayBuffer>;
  const joined = await PDFDocument.create();
  const loaded = new Map<Uint8Array<ArrayBuffer>, PDFDocument>();
  for (const bytes of parts) {
    let source = loaded.get(bytes);
    if (!source) {
      source = await PDFDocument.load(bytes, { updateMetadata: false });
      loaded.set(bytes, source);
    }
    const pages = await joined.copyPages(source, source.getPageIndices());
    for (const page of pages) joined.addPage(page);
  }
  return joined.save();
}
