import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { eraseFolderFiles, personalDataFolders } from "./erase-files.ts";

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-erase-files-"));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function write(file: string, text = "宛名番号,氏名\n0000000001,出雲　太郎\n"): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

describe("erasing the files that hold personal data outside the database", () => {
  it("empties the feed drop folder and the RPA folder, keeping the folders the systems write into", async () => {
    const feeds = path.join(root, "feeds");
    const rpa = path.join(root, "rpa");
    const config = loadConfig({
      ICHIMADO_MODE: "demo",
      ICHIMADO_DATA_DIR: path.join(root, "data"),
      FEED_DIR: feeds,
      RPA_FOLDER: rpa,
      RPA_FOLDER_SCENARIOS: "moveOutEntry",
    });
    await write(path.join(feeds, "inbox", "jumin.csv"));
    await write(path.join(feeds, "done", "20261201-jumin.csv"));
    await write(path.join(feeds, "failed", "20261202-kokuho.csv"));
    await write(path.join(feeds, "uploads", "1-2-jumin.csv"));
    await write(path.join(rpa, "outbox", "moveOutEntry", "job-1.json"), "{}");
    await write(path.join(rpa, "results", "done", "job-1.json"), "{}");
    // Not personal data, and not ours to delete: the feed settings a city keeps beside the folders.
    await write(path.join(feeds, "README.txt"), "連携フォルダ");

    const erased = await eraseFolderFiles(personalDataFolders(config));

    expect(erased).toMatchObject({
      [path.join(feeds, "inbox")]: 1,
      [path.join(feeds, "done")]: 1,
      [path.join(feeds, "failed")]: 1,
      [path.join(feeds, "uploads")]: 1,
      [path.join(feeds, "processing")]: 0,
      [path.join(rpa, "outbox")]: 1,
      [path.join(rpa, "results")]: 1,
    });
    for (const folder of ["inbox", "done", "failed", "uploads"]) {
      expect(await fs.readdir(path.join(feeds, folder))).toEqual([]);
    }
    expect(await fs.readdir(path.join(rpa, "outbox"))).toEqual([]);
    expect(await fs.readdir(path.join(rpa, "results"))).toEqual([]);
    expect(await fs.readFile(path.join(feeds, "README.txt"), "utf8")).toBe("連携フォルダ");
  });

  it("names no RPA folder where none is configured", () => {
    const config = loadConfig({ ICHIMADO_MODE: "demo", ICHIMADO_DATA_DIR: path.join(root, "data2") });
    expect(personalDataFolders(config).every((f) => f.startsWith(config.feeds.dir))).toBe(true);
  });
});
