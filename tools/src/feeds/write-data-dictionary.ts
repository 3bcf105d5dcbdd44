import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dataDictionaryPath, formattedDataDictionary } from "./data-dictionary.ts";

/** `npm run docs:dictionary`: rewrites docs/DATA-DICTIONARY.md from the feed layouts. */
await writeFile(dataDictionaryPath, formattedDataDictionary());
console.log(`wrote ${fileURLToPath(dataDictionaryPath)}`);
