import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { registerFontCodePoints, subsetText, unicodeRange } from "@ichimado/core/registry/register-font";
import { sql } from "kysely";
import subsetFont from "subset-font";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";

/**
 * The web font the screens draw the register's MJ characters with: IPAmj明朝 cut down to the
 * characters the register uses that a counter PC's font lacks (core's registerFontCodePoints),
 * and the style sheet that names it with exactly those characters as its `unicode-range`.
 * harfbuzz's subsetter (subset-font) keeps the IVS table (cmap format 14) for the sequences kept;
 * fontkit's, which printing uses, does not write one.
 */
export interface RegisterFont {
  /** undefined when the register holds no such character or IPAmj明朝 is not installed. */
  woff2: Buffer | undefined;
  css: string;
  etag: string;
}

const registerFontFamily = "Ichimado Register";
const cacheMs = 10 * 60_000;
const rareCharacter = "[\\u3400-\\u4dbf\\uf900-\\ufaff\\U00020000-\\U0003ffff\\U000e0100-\\U000e01ef]";

/** Texts of the register that hold a character of a rare block; the rest need no web font. */
async function rareTexts(db: Db): Promise<string[]> {
  const { rows } = await sql<{ t: string }>`
    select distinct t from (
      select name as t from person
      union all select alias from person
      union all select representative from person
      union all select katagaki from person
      union all select outside_address from person
      union all select katagaki from household
      union all select name from address_town
      union all select from_address from residence_change
      union all select to_address from residence_change
    ) texts where t ~ ${rareCharacter}`.execute(db);
  return rows.map((r) => r.t);
}

/** The city's own gaiji font (uploaded or GAIJI_FONT) for its private-use codes, if it has one. */
function cityGaijiFont(config: Config): string | undefined {
  const { uploadedFont, configuredFont } = config.gaiji;
  return [uploadedFont, configuredFont].find((f) => f !== undefined && fs.existsSync(f));
}

async function build(db: Db, config: Config): Promise<RegisterFont> {
  const codePoints = registerFontCodePoints(await rareTexts(db));
  const mjFont = config.gaiji.systemFont;
  const woff2 =
    codePoints.size > 0 && fs.existsSync(mjFont)
      ? await subsetFont(await fsp.readFile(mjFont), subsetText(codePoints), { targetFormat: "woff2" })
      : undefined;
  const version = createHash("sha256")
    .update(woff2 ?? "")
    .update(cityGaijiFont(config) ? "gaiji" : "")
    .digest("base64url")
    .slice(0, 16);
  const faces: string[] = [];
  if (woff2) {
    faces.push(fontFace(`/api/v1/fonts/register.woff2?v=${version}`, "woff2", unicodeRange(codePoints)));
  }
  // The city's font answers for the private-use codes its core systems write.
  if (cityGaijiFont(config))
    faces.push(fontFace(`/api/v1/gaiji/font?v=${version}`, "truetype", "U+E000-F8FF"));
  return { woff2, css: faces.join("\n"), etag: `"${version}"` };
}

const fontFace = (url: string, format: string, range: string) =>
  `@font-face { font-family: "${registerFontFamily}"; src: url("${url}") format("${format}"); unicode-range: ${range}; font-display: swap; }`;

let cache: { at: number; db: Db; font: Promise<RegisterFont> } | undefined;

/** A new gaiji font was uploaded: the next style sheet names it at once. */
export function forgetRegisterFont(): void {
  cache = undefined;
}

/**
 * The register font, made again at most every ten minutes per database: the register changes
 * with the feeds, and cutting the 46 MB font takes about a second.
 */
export function registerFont(db: Db, config: Config): Promise<RegisterFont> {
  if (!cache || cache.db !== db || Date.now() - cache.at >= cacheMs) {
    const font = build(db, config);
    cache = { at: Date.now(), db, font };
    // A failed build is not kept: the next request tries again.
    font.catch(() => {
      if (cache?.font === font) cache = undefined;
    });
  }
  return cache.font;
}
