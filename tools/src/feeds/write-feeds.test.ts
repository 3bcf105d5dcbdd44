import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { feedLayoutById, feedLayouts } from "@ichimado/core/feeds/layouts";
import { parseValue } from "@ichimado/core/feeds/values";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCity } from "../city/generate.ts";
import {
  encode,
  feedRows,
  headerRow,
  toCsv,
  unicodeOf,
  type WrittenFeed,
  writeFeedFiles,
} from "./write-feeds.ts";

const city = generateCity({ residents: 6000 });
const rows = feedRows(city);
let dir: string;
let utf8: WrittenFeed[];
let cp932: WrittenFeed[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ichimado-feeds-"));
  utf8 = await writeFeedFiles(city, join(dir, "utf8"), { encoding: "utf-8" });
  cp932 = await writeFeedFiles(city, join(dir, "cp932"), { encoding: "cp932" });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const readUtf8 = (feedId: string) =>
  readFile(join(dir, "utf8", feedLayoutById.get(feedId)?.fileName ?? ""), "utf-8");
const parsed = async (feedId: string): Promise<string[][]> =>
  parse(await readUtf8(feedId), { relaxQuotes: false });
const column = (feedId: string, field: string) =>
  feedLayoutById.get(feedId)?.columns.findIndex((c) => c.field === field) ?? -1;
const pua = (cityCode: string) => String.fromCodePoint(Number.parseInt(cityCode, 16));

describe("feed files", () => {
  it("writes all 24 layouts, each with its header row and CRLF lines", async () => {
    expect(utf8.map((w) => w.feedId)).toEqual(feedLayouts.map((l) => l.id));
    expect(utf8).toHaveLength(24);
    for (const layout of feedLayouts) {
      const text = await readUtf8(layout.id);
      const [first] = text.split("\r\n");
      expect(first, layout.fileName).toBe(layout.columns.map((c) => c.header).join(","));
      expect(text.replaceAll("\r\n", ""), layout.fileName).not.toMatch(/[\r\n]/);
      expect(text.endsWith("\r\n")).toBe(true);
    }
  });

  it("writes one row per record", async () => {
    const count = (id: string) => utf8.find((w) => w.feedId === id)?.rows;
    expect(count("residents")).toBe(city.persons.filter((p) => p.kind === "resident").length);
    expect(count("nonResidents")).toBe(city.persons.filter((p) => p.kind === "nonResident").length);
    expect(count("corporations")).toBe(city.persons.filter((p) => p.kind === "corporation").length);
    expect(count("addressMaster")).toBe(city.towns.length);
    expect(count("arrears")).toBe(city.arrears.length);
    expect(count("registryMemos")).toBe(city.memos.length);
    expect(count("moveOutCertificates")).toBe(city.moveOutCertificates.length);
    expect(count("gaiji")).toBe(city.gaiji.length);
    let enrollments = 0;
    for (const layout of feedLayouts) {
      if (layout.target.kind !== "enrollments") continue;
      const programmes: readonly string[] = layout.target.programmes;
      const expected = city.enrollments.filter((e) => programmes.includes(e.programme)).length;
      expect(expected, layout.id).toBeGreaterThan(0);
      expect(count(layout.id), layout.id).toBe(expected);
      enrollments += expected;
    }
    // Every enrollment the generator makes goes to exactly one feed.
    expect(enrollments).toBe(city.enrollments.length);
    for (const written of utf8)
      expect((await parsed(written.feedId)).length - 1, written.feedId).toBe(written.rows);
  });

  it("uses the layouts' attribute fields for every enrollment", () => {
    const fields = new Map<string, string[]>();
    for (const l of feedLayouts) {
      if (l.target.kind !== "enrollments") continue;
      for (const p of l.target.programmes)
        fields.set(
          p,
          l.columns.map((c) => c.field),
        );
    }
    const keys = new Set(
      city.enrollments.flatMap((e) => Object.keys(e.attributes).map((k) => `${e.programme}.${k}`)),
    );
    for (const key of keys) {
      const [programme = "", field = ""] = key.split(".");
      expect(fields.get(programme) ?? [], key).toContain(field);
    }
  });

  it("writes cells every column of its layout accepts, and unique keys", async () => {
    for (const layout of feedLayouts) {
      const [header, ...data] = await parsed(layout.id);
      expect(header).toEqual(headerRow(layout));
      const keys = new Set<string>();
      for (const [line, row] of data.entries()) {
        expect(row, `${layout.fileName} line ${line + 2}`).toHaveLength(layout.columns.length);
        layout.columns.forEach((c, i) => {
          const result = parseValue(c, row[i] ?? "");
          if (!result.ok)
            expect.fail(`${layout.fileName} line ${line + 2} ${c.header}: ${result.reason} (${row[i]})`);
        });
        keys.add(JSON.stringify(layout.keys.map((k) => row[column(layout.id, k)])));
      }
      expect(keys.size, `${layout.fileName} keys`).toBe(data.length);
    }
  });

  it("writes dates as YYYYMMDD and codes as the vendor does", async () => {
    const [, ...residents] = await parsed("residents");
    const birth = column("residents", "birthDate");
    for (const row of residents) expect(row[birth]).toMatch(/^\d{8}$/);
    const person = city.persons.find((p) => p.kind === "resident" && p.birthDate);
    const row = residents.find((r) => r[0] === person?.id);
    expect(row?.[birth]).toBe(person?.birthDate?.replaceAll("-", ""));
    const statuses = new Set(residents.map((r) => r[column("residents", "status")]));
    expect([...statuses].sort()).toEqual(["1", "2", "3"]);
    const [, ...tax] = await parsed("residentTax");
    expect(new Set(tax.map((r) => r[column("residentTax", "taxStatus")]))).toEqual(new Set(["1", "2"]));
  });

  it("writes gaiji as the city's private-use codes, mapped in the 外字 feed", async () => {
    const kichi = city.gaiji.find((g) => g.text === "\u{20BB7}");
    const kuzu = city.gaiji.find((g) => g.text === "\u845B\u{E0102}");
    expect(kichi && kuzu).toBeTruthy();
    const residents = await readUtf8("residents");
    expect(residents).toContain(pua(kichi?.cityCode ?? ""));
    expect(residents).toContain(pua(kuzu?.cityCode ?? ""));
    for (const layout of feedLayouts) {
      const text = await readUtf8(layout.id);
      for (const g of city.gaiji) expect(text.includes(g.text), `${layout.fileName} ${g.text}`).toBe(false);
    }
    const [, ...gaiji] = await parsed("gaiji");
    expect(gaiji.map((r) => r[1])).toContain("20BB7");
    expect(gaiji.map((r) => r[1])).toContain("845B_E0102");
    expect(unicodeOf("\u845B\u{E0102}")).toBe("845B_E0102");
  });

  it("writes CP932 that decodes (WHATWG Shift_JIS, fatal) to the UTF-8 files' text", async () => {
    const decoder = new TextDecoder("shift_jis", { fatal: true });
    for (const [i, written] of cp932.entries()) {
      const bytes = await readFile(written.file);
      expect(decoder.decode(bytes), written.feedId).toBe(await readFile(utf8[i]?.file ?? "", "utf-8"));
    }
    // A gaiji lands in the user-defined area.
    expect([...encode("\uE000\uE757", "cp932")]).toEqual([0xf0, 0x40, 0xf9, 0xfc]);
  });

  it("round-trips the whole user-defined area through the WHATWG decoder", () => {
    const decoder = new TextDecoder("shift_jis", { fatal: true });
    const all = Array.from({ length: 0x758 }, (_, i) => String.fromCharCode(0xe000 + i)).join("");
    const bytes = encode(`あ${all}a`, "cp932");
    expect(decoder.decode(bytes)).toBe(`あ${all}a`);
    for (let i = 2; i < bytes.length - 1; i += 2) {
      const code = ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
      expect(code >= 0xf040 && code <= 0xf9fc).toBe(true);
    }
  });

  it("refuses a character CP932 cannot hold, naming it and the file", () => {
    expect(() => encode("氏名\r\n山田　\u{20BB7}郎\r\n", "cp932", "jumin.csv")).toThrow(
      /jumin\.csv 2行目.*"𠮷" \(U\+20BB7\)/,
    );
    expect(() => encode("\u301C", "cp932", "x.csv")).toThrow(/x\.csv.*U\+301C/);
    expect(encode("?", "cp932")).toEqual(Buffer.from("?"));
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    const csv = toCsv([
      ["a", "b,c", 'say "hi"', "two\r\nlines", ""],
      ["1", "2", "3", "4", "5"],
    ]);
    expect(csv).toBe('a,"b,c","say ""hi""","two\r\nlines",\r\n1,2,3,4,5\r\n');
    expect(parse(csv)).toEqual([
      ["a", "b,c", 'say "hi"', "two\r\nlines", ""],
      ["1", "2", "3", "4", "5"],
    ]);
  });

  it("gives rows the tests can change before writing", () => {
    const residents = rows.get("residents") ?? [];
    expect(residents[0]).toHaveLength(feedLayoutById.get("residents")?.columns.length ?? 0);
    expect(rows.size).toBe(24);
  });
});
