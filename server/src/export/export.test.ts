import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwner } from "../db/owner.ts";
import { parseCsv } from "../registry/feeds/csv.ts";
import { insertHouseholds, plainMember } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { type ExportedFile, exportCityData } from "./export.ts";
import { exportedTables, notExported } from "./tables.ts";

/** The city's data out (E²): every table as CSV with its dictionary, secrets left out. */
let t: TestApp;
let dir: string;
let files: ExportedFile[];
const read = async (file: string) =>
  parseCsv(await fs.readFile(path.join(dir, file), "utf8")).map((r) => r.record);

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H950",
      townCode: "T001",
      lot: "9-5",
      // 𠮷 (outside the BMP) and 葛 with its IVS: what CP932 could not carry.
      members: [
        plainMember("9500000001", "𠮷田　葛\u{E0100}子", "世帯主"),
        plainMember("9500000002", '吉田, "一"', "子"),
      ],
    },
  ]);
  const cookie = await t.loginAt("exportclerk", "shimin", "residentClerk");
  const opened = await t.call("POST", "/api/v1/cases", { cookie, body: { channel: "visit" } });
  await t.call("POST", `/api/v1/cases/${(opened.json() as { id: number }).id}/certificate-requests`, {
    cookie,
    body: {
      requester: { kind: "self" },
      lines: [{ certificateKey: "certificate-seal", personId: "9500000001", quantity: 1, purpose: "bank" }],
    },
  });
  // A city's uploaded paper form (the bytes need only look like a PDF here).
  await withOwner(t.database.ownerUrl, (db) =>
    sql`insert into document_base_pdf (name, sha256, pages, bytes)
      values ('市の様式.pdf', 'x', '[]'::jsonb, ${Buffer.from("%PDF-1.7\n%テスト\n%%EOF\n")})`.execute(db),
  );
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-export-"));
  files = await withOwner(t.database.ownerUrl, (db) => exportCityData(db, dir));
}, 180_000);
afterAll(async () => {
  await t?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("the city's data export", () => {
  it("covers every table of the database, or says why one is not exported", async () => {
    const tables = await withOwner(t.database.ownerUrl, async (db) =>
      (
        await sql<{ name: string }>`select c.relname as name from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`.execute(db)
      ).rows.map((r) => r.name),
    );
    expect([...exportedTables.map((e) => e.name), ...Object.keys(notExported)].sort()).toEqual(tables.sort());
  });

  it("writes each table whole, as UTF-8 CSV that reads back, every row counted", async () => {
    for (const f of files) {
      const count = await withOwner(t.database.ownerUrl, async (db) =>
        Number(
          (await sql<{ n: string }>`select count(*) as n from ${sql.id(f.table)}`.execute(db)).rows[0]?.n,
        ),
      );
      expect(f.rows, f.table).toBe(count);
      const rows = await read(f.file);
      expect(rows, f.table).toHaveLength(count + 1);
      expect(rows[0]).toEqual(f.columns.map((c) => c.name));
    }
    const persons = await read("person.csv");
    const name = persons[0]?.indexOf("name") ?? -1;
    const names = persons.slice(1).map((r) => r[name]);
    expect(names).toContain("𠮷田　葛\u{E0100}子");
    expect(names).toContain('吉田, "一"');
    const bytes = await fs.readFile(path.join(dir, "person.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const requests = await read("case_certificate_request.csv");
    expect(requests).toHaveLength(2);
    expect(requests[1]?.[requests[0]?.indexOf("lines") ?? -1]).toContain(
      '"certificateKey":"certificate-seal"',
    );
  });

  it("leaves out password and token hashes, and writes PDFs as files beside the CSV", async () => {
    expect((await read("staff_user.csv"))[0]).not.toContain("password_hash");
    expect((await read("api_token.csv"))[0]).not.toContain("token_hash");
    expect(
      await fs.access(path.join(dir, "staff_session.csv")).then(
        () => true,
        () => false,
      ),
    ).toBe(false);
    const pdfs = files.find((f) => f.table === "document_base_pdf");
    expect(pdfs?.binaryFiles).toBe(pdfs?.rows);
    expect(pdfs?.rows).toBeGreaterThan(0);
    const rows = await read("document_base_pdf.csv");
    const column = rows[0]?.indexOf("bytes") ?? -1;
    for (const row of rows.slice(1)) {
      const file = await fs.readFile(path.join(dir, row[column] ?? ""));
      expect(file.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
  });

  it("describes every file in the data dictionary", async () => {
    const dictionary = await fs.readFile(path.join(dir, "DATA-DICTIONARY.md"), "utf8");
    for (const f of files) expect(dictionary).toContain(`## ${f.title}（${f.file}）`);
    expect(dictionary).toContain("| ~~password_hash~~ | 出力しない |");
  });
});
