import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { must } from "./city.ts";

/** The PDF text poppler (Debian poppler-utils) extracts, without the gaps it puts for wide spaces. */
function pdfTextOf(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ichimado-e2e-pdf-"));
  try {
    const file = path.join(dir, "printed.pdf");
    fs.writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      "",
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The number of pages (poppler's pdfinfo). */
export function pdfPageCount(pdf: Buffer): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ichimado-e2e-pdf-"));
  try {
    const file = path.join(dir, "printed.pdf");
    fs.writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface ReceivedPdf {
  path: string;
  pdf: Buffer;
}

/**
 * Keeps each PDF the server sends the page for a case (or on other `paths`), as the browser received it:
 * the page holds it only as a blob, which the browser's own records of the response do not keep.
 */
export async function collectPdfs(
  page: Page,
  paths: RegExp = /\/api\/v1\/cases\/\d+\/(documents|guide-sheet)/,
): Promise<ReceivedPdf[]> {
  const pdfs: ReceivedPdf[] = [];
  await page.route(paths, async (route) => {
    const response = await route.fetch();
    if (response.headers()["content-type"] === "application/pdf")
      pdfs.push({ path: new URL(route.request().url()).pathname, pdf: await response.body() });
    await route.fulfill({ response });
  });
  return pdfs;
}

/** The text of the `count`th PDF received, which must have come from a path matching `pattern`. */
export async function nextPdf(pdfs: ReceivedPdf[], count: number, pattern: RegExp): Promise<string> {
  await expect.poll(() => pdfs.length).toBe(count);
  const last = must(pdfs[count - 1], "pdf");
  expect(last.path).toMatch(pattern);
  return pdfTextOf(last.pdf);
}

/** A one-page PDF with a line of ASCII text in Helvetica, written by hand (a leaflet to upload). */
export function minimalPdf(text: string): Buffer {
  const escaped = text.replace(/[()\\]/g, (c) => `\\${c}`);
  const stream = `BT /F1 18 Tf 72 760 Td (${escaped}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) body += `${String(at).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
