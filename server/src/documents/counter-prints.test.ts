import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { addDays, japanDate } from "@ichimado/core/common/dates";
import type { CounterPrints } from "@ichimado/core/documents/counter-prints";
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMoveOutCase } from "../testing/cases.ts";
import { insertHouseholds } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { seedDefaultForms } from "./default-forms.ts";
import { blankPdf } from "./testing/forms.ts";
import { pdfPages, pdfText } from "./testing/poppler.ts";

/**
 * 帳票の印刷 outside a case: the counter's print history (this counter only, 支援措置 masked as on
 * the case screen, audited), reprints from it, and blank forms and leaflets as one PDF.
 */
let t: TestApp;
let dataDir: string;
const cookies: Record<string, string> = {};
const today = japanDate(new Date());
const squeeze = (s: string) => s.replace(/\s+/g, "");

function call(who: string, method: "GET" | "POST", url: string, body?: unknown) {
  return t.call(method, url, { cookie: cookies[who], ...(body === undefined ? {} : { body }) });
}

async function ok(res: Promise<LightMyRequestResponse>, status = 200): Promise<LightMyRequestResponse> {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 500)).toBe(status);
  return r;
}

const member = (id: string, name: string, kana: string) => ({
  id,
  name,
  nameKana: kana,
  birthDate: "1980-07-07",
  sex: "male" as const,
  relationship: "世帯主",
  enrollments: [],
});

/** A 転出 case whose 住民異動届 is printed at once; returns the case and the printed document's id. */
async function printedMoveOut(who: string, household: string, personId: string) {
  const id = await openMoveOutCase(t, cookies[who], household, [personId], "鳥取県米子市加茂町2丁目1番地");
  const detail = (await ok(call(who, "GET", `/api/v1/cases/${id}`))).json() as CaseDetail;
  const moveOut = detail.procedures.find((p) => p.key === "move-out-notice");
  const printed = await ok(
    call(who, "POST", `/api/v1/cases/${id}/documents`, {
      documents: [{ templateKey: "resident-move-notice", procedureId: moveOut?.id }],
    }),
  );
  return { caseId: id, documentId: Number(printed.headers["x-printed-documents"]) };
}

const history = async (who: string, query = "") =>
  (await ok(call(who, "GET", `/api/v1/documents/prints${query}`))).json() as CounterPrints;

let plain: { caseId: number; documentId: number };
let protectedPrint: { caseId: number; documentId: number };
let elsewhere: { caseId: number; documentId: number };

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-counter-prints-"));
  t = await createTestApp({ ICHIMADO_DATA_DIR: dataDir });
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H700",
      townCode: "T001",
      lot: "7-7",
      members: [member("7000000001", "森山　健一", "モリヤマ　ケンイチ")],
    },
    {
      id: "H720",
      townCode: "T002",
      lot: "2-2",
      supportMeasure: true,
      members: [member("7200000001", "辻　一郎", "ツジ　イチロウ")],
    },
    {
      id: "H740",
      townCode: "T001",
      lot: "4-4",
      members: [member("7400000001", "大社　次郎", "タイシャ　ジロウ")],
    },
  ]);
  expect(await seedDefaultForms(t.database.db, t.config)).toBeNull();
  cookies.clerk = await t.loginAt("cpclerk", "shimin", "residentClerk");
  cookies.chief = await t.loginAt("cpchief", "shimin", "residentClerk", "supervisor");
  cookies.other = await t.loginAt("cpother", "hokennenkin", "residentClerk");
  cookies.admin = await t.loginAt("cpadmin", "johoseisaku", "systemAdmin");
  plain = await printedMoveOut("clerk", "H700", "7000000001");
  protectedPrint = await printedMoveOut("clerk", "H720", "7200000001");
  elsewhere = await printedMoveOut("other", "H740", "7400000001");
}, 240_000);
afterAll(async () => {
  await t?.close();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe("the counter's print history", () => {
  it("lists today's prints of this counter only, newest first, with the case and the staff member", async () => {
    const listed = await history("clerk");
    expect(listed.from).toBe(today);
    expect(listed.to).toBe(today);
    expect(listed.counterName).toBe("市民課");
    expect(listed.truncated).toBe(false);
    expect(listed.documents.map((d) => d.id)).toEqual([protectedPrint.documentId, plain.documentId]);
    expect(listed.documents[1]).toMatchObject({
      caseId: plain.caseId,
      name: "住民異動届",
      persons: [{ id: "7000000001", name: "森山　健一", supportMeasure: false, address: { masked: false } }],
    });
    expect(listed.documents[1]?.printed.counterName).toBe("市民課");
    // The other counter's clerk sees their own print and nothing of 市民課's.
    const other = await history("other");
    expect(other.documents.map((d) => d.id)).toEqual([elsewhere.documentId]);
  });

  it("masks a protected person's address as the case screen does", async () => {
    const byClerk = (await history("clerk")).documents.find((d) => d.id === protectedPrint.documentId);
    expect(byClerk?.persons).toEqual([
      { id: "7200000001", name: "辻　一郎", supportMeasure: true, address: { text: null, masked: true } },
    ]);
    // A role with supportMeasureView sees it only after acknowledging the warning, as on the person view.
    const before = (await history("chief")).documents.find((d) => d.id === protectedPrint.documentId);
    expect(before?.persons[0]?.address).toEqual({ text: null, masked: true });
    await ok(call("chief", "POST", "/api/v1/persons/7200000001/support-measure/acknowledge"));
    const after = (await history("chief")).documents.find((d) => d.id === protectedPrint.documentId);
    expect(after?.persons[0]?.address.masked).toBe(false);
    expect(after?.persons[0]?.address.text).toContain("出雲市");
    // and the clerk still does not
    const again = (await history("clerk")).documents.find((d) => d.id === protectedPrint.documentId);
    expect(again?.persons[0]?.address).toEqual({ text: null, masked: true });
  });

  it("takes a period of Japan days and refuses a bad one in Japanese", async () => {
    const week = await history("clerk", `?from=${addDays(today, -6)}&to=${today}`);
    expect(week.documents).toHaveLength(2);
    const yesterday = addDays(today, -1);
    expect((await history("clerk", `?from=${yesterday}&to=${yesterday}`)).documents).toEqual([]);
    // One end alone is that one day.
    expect((await history("clerk", `?from=${today}`)).to).toBe(today);

    for (const [query, message] of [
      ["?from=2026-13-01", "期間の初日は YYYY-MM-DD の形の日付で指定してください"],
      [`?from=${today}&to=${yesterday}`, "期間の末日は初日と同じ日か後の日にしてください"],
      ["?from=2026-01-01&to=2026-02-15", "期間は31日以内にしてください (指定は46日間です)"],
    ] as const) {
      const refused = await call("clerk", "GET", `/api/v1/documents/prints${query}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(message);
    }
  });

  it("is refused without the print permission", async () => {
    expect((await call("admin", "GET", "/api/v1/documents/prints")).statusCode).toBe(403);
    expect((await call("admin", "GET", "/api/v1/documents/leaflets")).statusCode).toBe(403);
    expect(
      (await call("admin", "POST", "/api/v1/documents/blank.pdf", { templates: ["nhi-change-notice"] }))
        .statusCode,
    ).toBe(403);
  });

  it("audits each read with the persons it listed", async () => {
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["target", "person_ids", "detail", "counter_id"])
      .where("action", "=", "case.read")
      .where("target", "like", "counter:%")
      .orderBy("seq")
      .execute();
    const first = rows[0];
    expect(first?.target).toBe("counter:shimin");
    expect([...(first?.person_ids ?? [])].sort()).toEqual(["7000000001", "7200000001"]);
    expect(first?.detail).toMatchObject({
      view: "counterPrintHistory",
      from: today,
      to: today,
      documents: 2,
    });
    expect(rows.some((r) => r.target === "counter:hokennenkin" && r.person_ids.includes("7400000001"))).toBe(
      true,
    );
    expect(rows.some((r) => r.target === "counter:hokennenkin" && r.person_ids.includes("7000000001"))).toBe(
      false,
    );
  });

  it("reprints a listed document through the case's reprint, which then heads the list", async () => {
    const reprinted = await ok(
      call("clerk", "POST", `/api/v1/cases/${plain.caseId}/documents/${plain.documentId}/reprint`, {}),
    );
    expect(squeeze(await pdfText(reprinted.rawPayload))).toContain("森山健一");
    const [newest] = (await history("clerk")).documents;
    expect(newest).toMatchObject({ caseId: plain.caseId, reprintOf: plain.documentId, name: "住民異動届" });
  });
});

describe("blank forms and leaflets", () => {
  it("lists the forms in force and the leaflets for a clerk", async () => {
    const forms = (await ok(call("clerk", "GET", "/api/v1/document-templates"))).json() as {
      templates: { key: string }[];
    };
    expect(forms.templates.map((f) => f.key)).toContain("nhi-change-notice");
    const leafletPdf = Buffer.from(await blankPdf(2));
    const uploaded = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/documents/leaflets?key=nhi-guide&name=${encodeURIComponent("国保のしおり")}`,
      headers: {
        cookie: cookies.admin,
        "x-requested-with": "ichimado",
        "content-type": "application/octet-stream",
      },
      payload: leafletPdf,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const leaflets = (await ok(call("clerk", "GET", "/api/v1/documents/leaflets"))).json();
    expect(leaflets).toEqual({ leaflets: [{ key: "nhi-guide", name: "国保のしおり", pages: 2 }] });
  });

  it("prints chosen blank forms and a leaflet as one PDF, with no one's data, audited", async () => {
    const twoForms = await ok(
      call("clerk", "POST", "/api/v1/documents/blank.pdf", {
        templates: ["nhi-change-notice", "resident-move-notice"],
      }),
    );
    expect(twoForms.headers["content-type"]).toBe("application/pdf");
    expect(twoForms.headers["cache-control"]).toBe("no-store");
    expect(await pdfPages(twoForms.rawPayload)).toBe(2);
    const text = squeeze(await pdfText(twoForms.rawPayload));
    expect(text).toContain("国民健康保険");
    expect(text).toContain("住民異動届");
    // nothing of any person or of today is filled in
    expect(text).not.toContain("森山");
    expect(text).not.toContain("出雲市今市町");

    const withLeaflet = await ok(
      call("clerk", "POST", "/api/v1/documents/blank.pdf", {
        templates: ["nhi-change-notice"],
        leaflets: ["nhi-guide"],
      }),
    );
    expect(await pdfPages(withLeaflet.rawPayload)).toBe(3);
    const leafletOnly = await ok(
      call("clerk", "POST", "/api/v1/documents/blank.pdf", { leaflets: ["nhi-guide"] }),
    );
    expect(await pdfPages(leafletOnly.rawPayload)).toBe(2);

    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["target", "person_ids", "detail", "counter_id"])
      .where("action", "=", "document.print")
      .where("target", "=", "blank")
      .orderBy("seq")
      .execute();
    expect(rows).toHaveLength(3);
    expect(rows[0]?.person_ids).toEqual([]);
    expect(rows[0]?.counter_id).toBe("shimin");
    expect(rows[0]?.detail).toEqual({
      blank: true,
      templates: [
        { key: "nhi-change-notice", version: 1 },
        { key: "resident-move-notice", version: 1 },
      ],
      leaflets: [],
    });
    // A blank print is no one's document: the counter's history is unchanged by it.
    expect((await history("clerk")).documents.every((d) => d.persons.length > 0)).toBe(true);
  });

  it("refuses nothing chosen, an unknown form or leaflet, in Japanese", async () => {
    const none = await call("clerk", "POST", "/api/v1/documents/blank.pdf", {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("印刷する様式かリーフレットを選んでください");
    const unknown = await call("clerk", "POST", "/api/v1/documents/blank.pdf", {
      templates: ["no-such-form"],
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("様式 no-such-form は現在使用できません");
    const noLeaflet = await call("clerk", "POST", "/api/v1/documents/blank.pdf", { leaflets: ["no-such"] });
    expect(noLeaflet.statusCode).toBe(404);
    expect(noLeaflet.body).toContain("案内チラシ no-such は登録されていません");
  });
});

describe("the print history at a city's size", () => {
  it("is sorted by print time, newest first, as its index is", async () => {
    // an older print with the higher id: the time decides, as the index (counter, time desc, id desc) reads
    const db = t.database.db;
    const { id: staffId } = await db
      .selectFrom("staff_user")
      .select("id")
      .where("login_id", "=", "cpclerk")
      .executeTakeFirstOrThrow();
    const { id: older } = await db
      .insertInto("printed_document")
      .values({
        case_id: plain.caseId,
        job: crypto.randomUUID(),
        kind: "guideSheet",
        person_ids: ["7000000001"],
        inputs: "{}",
        address_owners: "{}",
        printed_by: staffId,
        printed_counter: "shimin",
        printed_at: sql<Date>`(select min(printed_at) - interval '1 second' from printed_document)`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const listed = (await history("clerk")).documents;
    expect(listed.map((d) => d.id).at(-1)).toBe(older);
    const times = listed.map((d) => d.printed.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("reads a counter's period through its index, in order, with no sort", async () => {
    const plan = await t.database.db.transaction().execute(async (trx) => {
      // the test's few rows would be read whole; the question is whether the index can serve the order
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_sort = off`.execute(trx);
      const { rows } = await sql<{ "QUERY PLAN": string }>`
        explain select d.id from printed_document d
        where d.printed_counter = 'shimin' and d.printed_at >= now() - interval '1 day' and d.printed_at < now()
        order by d.printed_at desc, d.id desc limit 201`.execute(trx);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("printed_document_counter_history");
    expect(plan).not.toMatch(/Sort/);
  });
});
