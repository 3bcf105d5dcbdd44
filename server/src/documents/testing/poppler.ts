import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { type Gray, readPgm, readPng } from "./raster.ts";

/**
 * The outside tools the document tests read PDFs with: pdftotext and pdftoppm (Debian
 * poppler-utils) and hb-view (Debian libharfbuzz-bin, HarfBuzz shaping + cairo drawing: a rendering
 * of a font made without pdfme, pdf-lib or poppler). .ci/run installs both packages.
 */
const run = promisify(execFile);

async function tool(command: string, args: string[], pkg: string): Promise<string> {
  try {
    const { stdout } = await run(command, args, { maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`${command} is missing: install Debian's ${pkg} (.ci/run does)`);
    throw error;
  }
}

async function withTemp<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-pdf-"));
  try {
    return await work(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as poppler extracts it (what a reader copying from the PDF would get). */
export function pdfText(pdf: Uint8Array): Promise<string> {
  return withTemp(async (dir) => {
    const file = path.join(dir, "doc.pdf");
    await fs.writeFile(file, pdf);
    // -layout keeps a line together even where an ideographic space leaves a wide gap (山田　太郎).
    return tool("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], "poppler-utils");
  });
}

/** Page count, from pdfinfo. */
export async function pdfPages(pdf: Uint8Array): Promise<number> {
  return withTemp(async (dir) => {
    const file = path.join(dir, "doc.pdf");
    await fs.writeFile(file, pdf);
    const info = await tool("pdfinfo", [file], "poppler-utils");
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? "0");
  });
}

/** One page rasterised in grey by pdftoppm. */
export function rasterisePage(pdf: Uint8Array, page: number, dpi: number): Promise<Gray> {
  return withTemp(async (dir) => {
    const file = path.join(dir, "doc.pdf");
    await fs.writeFile(file, pdf);
    const out = path.join(dir, "page");
    const p = String(page);
    await tool(
      "pdftoppm",
      ["-r", String(dpi), "-gray", "-f", p, "-l", p, "-singlefile", file, out],
      "poppler-utils",
    );
    return readPgm(await fs.readFile(`${out}.pgm`));
  });
}

/** The text drawn by hb-view with the font file, `pixelsPerEm` pixels to the em. */
export function referenceRendering(fontFile: string, text: string, pixelsPerEm: number): Promise<Gray> {
  return withTemp(async (dir) => {
    const out = path.join(dir, "ref.png");
    await tool(
      "hb-view",
      [`--font-size=${pixelsPerEm}`, "--margin=16", "-O", "png", "-o", out, fontFile, text],
      "libharfbuzz-bin",
    );
    return readPng(await fs.readFile(out));
  });
}
