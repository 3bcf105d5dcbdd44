import fs from "node:fs/promises";
import type { Config } from "../config.ts";
import { HttpError } from "../platform/errors.ts";
import { FontCoverage } from "../registry/gaiji/font-coverage.ts";
import { bytesOf } from "./base-pdf.ts";
import { forgetParsedFont, parsedFontToken } from "./font-cache.ts";

/**
 * The fonts a printed document embeds, with what each can draw. Names and addresses: IPAmj明朝;
 * body text: IPAex明朝; the city's gaiji font (uploaded, or GAIJI_FONT) draws the private-use codes
 * the other two lack. Files are read once and kept while unchanged (IPAmj is 46 MB: reading it per
 * print would cost more than the print).
 */
export type FaceKey = "ipamj" | "ipaex" | "gaiji";

export interface Face {
  key: FaceKey;
  file: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** what pdfme is given instead of the file: the font parsed once (font-cache.ts) */
  parsed: Buffer<ArrayBuffer>;
  coverage: FontCoverage;
}

export interface DocumentFonts {
  name: Face;
  body: Face;
  gaiji: Face | null;
}

const loaded = new Map<string, Promise<Face>>();

async function stamp(file: string): Promise<string | null> {
  try {
    const s = await fs.stat(file);
    return s.isFile() ? `${file}\u0000${s.size}\u0000${s.mtimeMs}` : null;
  } catch {
    return null;
  }
}

function loadFace(key: FaceKey, file: string, id: string): Promise<Face> {
  let face = loaded.get(id);
  if (!face) {
    face = (async () => {
      const bytes = bytesOf(await fs.readFile(file));
      const coverage = FontCoverage.parse(
        new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        file,
      );
      return { key, file, bytes, parsed: parsedFontToken(bytes), coverage };
    })();
    face.catch(() => loaded.delete(id));
    // A replaced file (a new gaiji font uploaded) drops the old one from memory.
    for (const [other, old] of loaded)
      if (other.startsWith(`${key}\u0000`)) {
        loaded.delete(other);
        old.then((f) => forgetParsedFont(f.parsed)).catch(() => undefined);
      }
    loaded.set(id, face);
  }
  return face;
}

async function required(key: FaceKey, file: string, what: string, variable: string, pkg: string) {
  const id = await stamp(file);
  if (!id) {
    throw new HttpError(
      503,
      "UNAVAILABLE",
      `帳票用の${what}フォントがありません (${file})。${pkg} を導入するか、${variable} にフォントファイルを指定してください`,
    );
  }
  return loadFace(key, file, `${key}\u0000${id}`);
}

export async function documentFonts(config: Config): Promise<DocumentFonts> {
  const { nameFont, bodyFont } = config.documents;
  const [name, body] = await Promise.all([
    required("ipamj", nameFont, "氏名用 (IPAmj明朝) の", "DOCUMENT_NAME_FONT", "fonts-ipamj-mincho"),
    required("ipaex", bodyFont, "本文用 (IPAex明朝) の", "DOCUMENT_BODY_FONT", "fonts-ipaexfont"),
  ]);
  return { name, body, gaiji: await gaijiFace(config) };
}

/** The city's gaiji font if one is installed; IPAmj itself (gaiji's last resort) is not a fallback here. */
async function gaijiFace(config: Config): Promise<Face | null> {
  for (const file of [config.gaiji.uploadedFont, config.gaiji.configuredFont]) {
    if (!file) continue;
    const id = await stamp(file);
    if (id) return loadFace("gaiji", file, `gaiji\u0000${id}`);
  }
  return null;
}
