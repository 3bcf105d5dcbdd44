import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { feedLayoutById } from "@ichimado/core/feeds/layouts";
import { generateCity } from "@ichimado/tools/city/generate";
import { encode, feedRows, headerRow, toCsv, writeFeedFiles } from "@ichimado/tools/feeds/write-feeds";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwner } from "../../db/owner.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { importDelivery } from "./delivery.ts";
import { type ImportRequest, importFeed } from "./import.ts";

const appRole = "ichimado_app";
let t: TestDatabase;
let dir: string;
const city = generateCity({ residents: 1500, seed: 5 });
const rows = feedRows(city);
const residentsLayout = feedLayoutById.get("residents");
if (!residentsLayout) throw new Error("no residents layout");

const asOwner = <T>(work: Parameters<typeof withOwner<T>>[1]) => withOwner(t.ownerUrl, work);
const importFile = (request: Omit<ImportRequest, "source">) =>
  asOwner((db) => importFeed(db, { source: "cli", ...request }, appRole));
const count = async (query: string) =>
  Number((await sql.raw<{ n: number }>(`select count(*)::int as n from ${query}`).execute(t.db)).rows[0]?.n);
const residentCsv = (body: string[][], header = headerRow(residentsLayout)) => toCsv([header, ...body]);

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-import-test-"));
  await writeFeedFiles(city, dir, { encoding: "cp932" });
  const outcomes = await asOwner((db) => importDelivery(db, dir, { source: "cli", appRole }));
  expect(outcomes.map((o) => o.status)).toEqual(Array(24).fill("succeeded"));
});
afterAll(async () => {
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("a full delivery of the generated city", () => {
  it("loads every feed, each row where it belongs", async () => {
    expect(await count("person where kind = 'resident'")).toBe(
      city.persons.filter((p) => p.kind === "resident").length,
    );
    expect(await count("person where kind = 'corporation'")).toBe(
      city.persons.filter((p) => p.kind === "corporation").length,
    );
    expect(await count("person where kind = 'nonResident'")).toBe(
      city.persons.filter((p) => p.kind === "nonResident").length,
    );
    expect(await count("enrollment")).toBe(city.enrollments.length);
    expect(await count("household")).toBe(city.households.length);
    expect(await count("support_measure")).toBe(city.supportMeasures.length);
    expect(await count("move_out_certificate")).toBe(city.moveOutCertificates.length);
    expect(await count("import_run where status = 'succeeded'")).toBe(24);
  });

  it("turns the core systems' private-use gaiji codes back into the exact characters", async () => {
    const withGaiji = city.persons.filter((p) =>
      /[\u{20000}-\u{3FFFF}\uFA10]|.[\u{E0100}-\u{E01EF}]/u.test(p.name),
    );
    expect(withGaiji.length).toBeGreaterThan(0);
    const stored = await t.db
      .selectFrom("person")
      .select(["id", "name", "birth_date"])
      .where(
        "id",
        "in",
        withGaiji.map((p) => p.id),
      )
      .execute();
    const byId = new Map(stored.map((r) => [r.id, r]));
    for (const p of withGaiji) {
      expect(byId.get(p.id)?.name).toBe(p.name);
      expect(byId.get(p.id)?.birth_date).toBe(p.birthDate);
    }
  });

  it("keeps enrollments' programme-specific attributes and folded search keys", async () => {
    const care = await t.db
      .selectFrom("enrollment")
      .select(["attributes", "from_date"])
      .where("programme", "=", "longTermCare")
      .executeTakeFirst();
    expect(care?.attributes).toHaveProperty("insuredNumber");
    expect(care?.from_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const variant = city.persons.find((p) => p.name.startsWith("髙"));
    if (variant) {
      const found = await t.db
        .selectFrom("person")
        .select("id")
        .where("search_name", "like", "高%")
        .execute();
      expect(found.map((r) => r.id)).toContain(variant.id);
    }
  });

  it("lets the application role read the register but not change it", async () => {
    await expect(sql`update person set name = 'x'`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from household`.execute(t.db)).rejects.toThrow(/permission denied/);
    expect(await count("household")).toBe(city.households.length);
  });
});

describe("a differential delivery", () => {
  it("adds, changes and removes rows by key, and leaves the rest alone", async () => {
    const source = rows.get("residents") ?? [];
    const [changed, removed] = source.filter((r) => r[14] === "1" && r[3] !== "世帯主");
    if (!changed || !removed) throw new Error("need two members");
    const nameAt = residentsLayout.columns.findIndex((c) => c.field === "name");
    const update = [...changed];
    update[nameAt] = "差分　更新子";
    const before = await count("person");
    const outcome = await importFile({
      feedId: "residents",
      fileName: "jumin.diff.csv",
      differential: true,
      bytes: encode(
        residentCsv(
          [
            ["2", ...update],
            ["3", ...removed],
          ],
          ["処理区分", ...headerRow(residentsLayout)],
        ),
        "utf-8",
      ),
    });
    expect(outcome.status).toBe("succeeded");
    expect(outcome.rowsLoaded).toBe(2);
    expect(await count("person")).toBe(before - 1);
    const person = await t.db
      .selectFrom("person")
      .select(["name", "search_name"])
      .where("id", "=", changed[0] ?? "")
      .executeTakeFirst();
    expect(person).toEqual({ name: "差分　更新子", search_name: "差分更新子" });
    expect(await count(`person where id = '${removed[0]}'`)).toBe(0);
  });
});

describe("a file with bad rows", () => {
  const good = (rows.get("residents") ?? []).slice(0, 8);
  const column = (field: string) => residentsLayout.columns.findIndex((c) => c.field === field);
  const spoil = (row: string[], field: string, value: string) => {
    const copy = [...row];
    copy[column(field)] = value;
    return copy;
  };
  const bad = [
    spoil(good[0] ?? [], "birthDate", "19990231"),
    spoil(good[1] ?? [], "sex", "7"),
    spoil(good[2] ?? [], "name", "長".repeat(61)),
    spoil(good[3] ?? [], "townCode", "9999"),
  ];

  it("names each problem with its line and column, and imports nothing over the threshold", async () => {
    const text = residentCsv([...good.slice(4), ...bad]);
    // Line 7 of the file (header + 4 good + bad[0]…) gets bytes that are not CP932.
    const bytes = Buffer.concat([encode(text, "cp932"), Buffer.from([0x82, 0x0d, 0x0a])]);
    const before = await count("person where kind = 'resident'");
    const outcome = await importFile({
      feedId: "residents",
      fileName: "jumin.csv",
      differential: false,
      bytes,
      encoding: "cp932",
    });
    expect(outcome.status).toBe("rejected");
    expect(outcome.rowsLoaded).toBe(0);
    const reported = outcome.problems.map((p) => `${p.line}:${p.column}`);
    expect(reported).toEqual(["6:生年月日", "7:性別", "8:氏名", "9:町字コード", "10:null"]);
    expect(outcome.problems[4]?.reason).toMatch(/CP932/);
    expect(outcome.message).toMatch(/許容値/);
    expect(await count("person where kind = 'resident'")).toBe(before);
    const run = await t.db
      .selectFrom("import_run")
      .select(["status", "problem_count"])
      .where("id", "=", outcome.runId)
      .executeTakeFirst();
    expect(run).toEqual({ status: "rejected", problem_count: 5 });
  });

  it("refuses a file missing a required column before reading any row", async () => {
    const header = headerRow(residentsLayout).filter((h) => h !== "生年月日");
    const outcome = await importFile({
      feedId: "residents",
      fileName: "jumin.csv",
      differential: false,
      bytes: encode(
        toCsv([header, ...good.map((r) => r.filter((_, i) => i !== column("birthDate")))]),
        "utf-8",
      ),
    });
    expect(outcome.status).toBe("rejected");
    expect(outcome.problems[0]).toMatchObject({
      line: 1,
      column: "生年月日",
      reason: "必須の列がありません: 生年月日",
    });
  });

  it("loads the good rows and reports the bad ones when under the feed's threshold", async () => {
    await asOwner((db) =>
      sql`insert into feed_setting (feed, reject_threshold) values ('arrears', 0.5)`.execute(db),
    );
    const arrears = rows.get("arrears") ?? [];
    const broken = [...(arrears[0] ?? [])];
    broken[0] = "0000000001";
    const outcome = await importFile({
      feedId: "arrears",
      fileName: "tainou.csv",
      differential: false,
      bytes: encode(
        toCsv([headerRow(feedLayoutById.get("arrears") ?? residentsLayout), ...arrears.slice(1), broken]),
        "utf-8",
      ),
    });
    expect(outcome.status).toBe("succeeded");
    expect(outcome.rowsLoaded).toBe(arrears.length - 1);
    expect(outcome.problems).toEqual([
      { line: arrears.length + 1, column: "宛名番号", reason: expect.stringMatching(/宛名番号/) },
    ]);
    expect(await count("arrears")).toBe(arrears.length - 1);
  });
});

describe("the gaiji font check", () => {
  it("warns about a variation sequence the counter's font cannot draw, naming line and column", async () => {
    const layout = feedLayoutById.get("registryMemos");
    if (!layout) throw new Error("no layout");
    const personId = (rows.get("residents") ?? [])[0]?.[0] ?? "";
    const outcome = await asOwner((db) =>
      importFeed(
        db,
        {
          feedId: "registryMemos",
          fileName: "jukimemo.diff.csv",
          differential: true,
          source: "cli",
          bytes: encode(
            toCsv([
              ["処理区分", ...headerRow(layout)],
              ["1", personId, "20261101", "葛\u{E01EE}城の件"],
            ]),
            "utf-8",
          ),
        },
        appRole,
        { fontFile: "/usr/share/fonts/truetype/ipamj/ipamjm.ttf" },
      ),
    );
    expect(outcome.status).toBe("succeeded");
    expect(outcome.warnings).toEqual([
      expect.stringMatching(/表示できない文字: 葛\u{E01EE} \(U\+845B U\+E01EE\) — 最初は 2行目 メモ/u),
    ]);
  });
});

describe("a file read in pieces", () => {
  const fingerprint = async () =>
    (
      await sql<{ persons: string; households: string; history: number }>`
        select
          (select md5(string_agg(concat_ws('|', id, name, search_kana, household_id, status, search_address), ',' order by id))
            from person where kind = 'resident') as persons,
          (select md5(string_agg(concat_ws('|', id, head_person_id, town_code, lot, katagaki), ',' order by id))
            from household) as households,
          (select count(*)::int from residence_change) as history`.execute(t.db)
    ).rows[0];
  const stages = () => count("pg_tables where tablename like 'feed_stage_%'");
  const residents = rows.get("residents") ?? [];

  it("loads the same register as one piece, households described by heads in later pieces", async () => {
    const bytes = encode(residentCsv(residents), "cp932");
    const whole = await importFile({
      feedId: "residents",
      fileName: "jumin.csv",
      differential: false,
      bytes,
    });
    expect(whole.status).toBe("succeeded");
    const before = await fingerprint();
    const outcome = await asOwner((db) =>
      importFeed(
        db,
        { feedId: "residents", fileName: "jumin.csv", differential: false, source: "cli", bytes },
        appRole,
        // About 20 rows per piece: most households are cut between pieces somewhere.
        { pieceBytes: 4096 },
      ),
    );
    expect(outcome).toMatchObject({ status: "succeeded", rowsLoaded: residents.length, rowsRejected: 0 });
    expect(await fingerprint()).toEqual(before);
    expect(await stages()).toBe(0);
  });

  it("finds a key repeated pieces apart, and leaves no stage behind when the file is refused", async () => {
    const before = await fingerprint();
    const repeated = [...residents, residents[0] ?? [], ...residents.slice(1, residents.length / 2)];
    const outcome = await asOwner((db) =>
      importFeed(
        db,
        {
          feedId: "residents",
          fileName: "jumin.csv",
          differential: false,
          source: "cli",
          bytes: encode(residentCsv(repeated), "utf-8"),
        },
        appRole,
        { pieceBytes: 4096 },
      ),
    );
    expect(outcome.status).toBe("rejected");
    expect(outcome).toMatchObject({
      rowsTotal: repeated.length,
      rowsRejected: repeated.length - residents.length,
    });
    expect(outcome.problems[0]).toMatchObject({
      line: residents.length + 2,
      reason: expect.stringMatching(/重複/),
    });
    expect(await fingerprint()).toEqual(before);
    expect(await stages()).toBe(0);
  });
});
