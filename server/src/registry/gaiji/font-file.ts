import fs from "node:fs";
import type { Config } from "../../config.ts";

/** The font in use: the one uploaded by the city, else GAIJI_FONT, else IPAmj明朝 if installed. */
export function gaijiFontFile(config: Config): string | undefined {
  const { uploadedFont, configuredFont, systemFont } = config.gaiji;
  for (const file of [uploadedFont, configuredFont, systemFont]) if (file && fs.existsSync(file)) return file;
  return undefined;
}
