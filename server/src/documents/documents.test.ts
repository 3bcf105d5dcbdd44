import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { japanDate } from "@ichimado/core/common/dates";
import { formatWareki } from "@ichimado/core/common/wareki";
import type { PrintedDocument } from "@ichimado/core/documents/api";
import { maskedAddressText } from "@ichimado/core/documents/bind";
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwner } from "../db/owner.ts";
import { openMoveOutCase } from "../testing/cases.ts";
import { insertHouseholds } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { documentFonts } from "./fonts.ts";
import { renderPdf } from "./render.ts";
import { pdfPages, pdfText } from "./testing/poppler.ts";

/**
 * Documents end to end on a real database: a template over an uploaded base PDF, printed for a
 * case's person, reprinted after the register and the template changed, masked for 支援措置,
 * listed in the print history, audited; and the 手続き案内書.
 */
let t: TestApp;
let dataDir: string;
const cookies: Record<string, string> = {};
const today = japanDate(new Date());

function call(who: string, method: "GET" | "POST" | "PUT", url: string, body?: unknown) {
  return t.call(method, url, { cookie: cookies[who], ...(body === undefined ? {} : { body }) });
}

async function ok(res: Promise<LightMyRequestResponse>, status = 200): Promise<LightMyRequestResponse> {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 500)).toBe(status);
  return r;
}

const textOf = async (res: LightMyRequestResponse) => {
  expect(res.headers["content-type"]).toBe("application/pdf");
  return pdfText(res.rawPayload);
};
/** pdftotext puts an ideographic space's gap as a line break or spaces; compare without them. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

const member = (id: string, name: string, kana: string, birthDate: string, relationship: string) => ({
  id,
  name,
  nameKana: kana,
  birthDate,
  sex: "male" as const,
  relationship,
  enrollments: [
    { programme: "nationalHealthInsurance", role: "insured", attributes: { insuredNumber: "1" } },
  ],
});

let basePdfId: number;
let yamadaCase: number;
let yamadaProcedure: CaseDetail["procedures"][number];
let firstPrintId: number;
let firstPrintText: string;

beforeAll(async () => {
  // Its own data folder: an uploaded gaiji font from a demo run must not change what prints.
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-docs-"));
  t = await createTestApp({ ICHIMADO_DATA_DIR: dataDir });
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H800",
      townCode: "T001",
      lot: "1-2-3",
      members: [
        member("8000000001", "山田　太郎", "ヤマダ　タロウ", "1986-05-10", "世帯主"),
        member("8000000002", "山田　花子", "ヤマダ　ハナコ", "1988-02-01", "妻"),
      ],
    },
    {
      id: "H820",
      townCode: "T002",
      lot: "9-8-7",
      supportMeasure: true,
      members: [member("8200000001", "辻\u{E0102}　一郎", "ツジ　イチロウ", "1970-03-03", "世帯主")],
    },
    {
      id: "H840",
      townCode: "T002",
      lot: "4-4",
      supportMeasure: true,
      members: [member("8400000001", "森　一", "モリ　ハジメ", "1975-04-04", "世帯主")],
    },
    {
      id: "H830",
      townCode: "T001",
      lot: "5-5",
      // A core system's private-use gaiji code with no gaiji font installed: it cannot be drawn.
      members: [member("8300000001", "田\uE8A0　花", "タグチ　ハナ", "1990-01-01", "世帯主")],
    },
  ]);
  cookies.admin = await t.loginAt("docadmin", "johoseisaku", "systemAdmin");
  cookies.clerk = await t.loginAt("docclerk", "shimin", "residentClerk");
  cookies.chief = await t.loginAt("docchief", "shimin", "residentClerk", "supervisor");
}, 180_000);
afterAll(async () => {
  await t?.close();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** A city's paper form: drawn here with the renderer itself on blank A4 (labels only). */
async function paperForm(): Promise<Uint8Array> {
  const fonts = await documentFonts(t.config);
  const label = (name: string, y: number, value: string) => ({
    name,
    page: 0,
    x: 15,
    y,
    width: 40,
    height: 8,
    role: "body" as const,
    size: 10,
    align: "left" as const,
    value,
  });
  return renderPdf({
    base: { width: 210, height: 297, padding: [0, 0, 0, 0] },
    pageCount: 1,
    texts: [
      { ...label("title", 10, "住民異動届（試験用様式）"), width: 120, size: 16 },
      label("l1", 30, "氏名"),
      label("l2", 40, "生年月日"),
      label("l3", 50, "住所"),
      label("l4", 60, "国外への転出"),
    ],
    fonts,
    title: "試験用様式",
  });
}

const fields = (extra: object[] = []) => [
  {
    name: "name",
    label: "氏名",
    page: 1,
    x: 60,
    y: 30,
    width: 80,
    height: 8,
    font: "name",
    size: 12,
    source: "person.name",
  },
  {
    name: "birth",
    page: 1,
    x: 60,
    y: 40,
    width: 80,
    height: 8,
    font: "body",
    size: 12,
    source: "person.birthDate.wareki",
  },
  {
    name: "address",
    page: 1,
    x: 60,
    y: 50,
    width: 130,
    height: 8,
    font: "name",
    size: 12,
    source: "person.address",
  },
  {
    name: "abroad",
    page: 1,
    x: 60,
    y: 60,
    width: 40,
    height: 8,
    font: "body",
    size: 12,
    source: "answer:movingAbroad",
  },
  {
    name: "procedure",
    page: 1,
    x: 15,
    y: 80,
    width: 150,
    height: 8,
    font: "body",
    size: 12,
    source: "case.procedureName",
  },
  {
    name: "printedOn",
    page: 1,
    x: 140,
    y: 10,
    width: 55,
    height: 8,
    font: "body",
    size: 10,
    align: "right",
    source: "today.wareki",
  },
  ...extra,
];

const moveOutCase = (who: string, household: string, moving: string[]) =>
  openMoveOutCase(t, cookies[who], household, moving);

async function detail(who: string, id: number): Promise<CaseDetail> {
  return (await ok(call(who, "GET", `/api/v1/cases/${id}`))).json() as CaseDetail;
}

const nhiFor = (d: CaseDetail, personId: string) =>
  d.procedures.find((p) => p.programme === "nationalHealthInsurance" && p.personId === personId);

describe("templates", () => {
  it("uploads the city's base PDF and saves a template over it", async () => {
    const pdf = Buffer.from(await paperForm());
    const upload = (body: Buffer) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/admin/documents/base-pdfs?name=%E4%BD%8F%E6%B0%91%E7%95%B0%E5%8B%95%E5%B1%8A",
        headers: {
          cookie: cookies.admin,
          "x-requested-with": "ichimado",
          "content-type": "application/octet-stream",
        },
        payload: body,
      });
    const uploaded = await ok(upload(pdf), 201);
    const { id, pages } = uploaded.json() as { id: number; pages: { width: number; height: number }[] };
    expect(pages).toEqual([{ width: 210, height: 297 }]);
    basePdfId = id;
    expect((await upload(Buffer.from("not a pdf"))).statusCode).toBe(400);
    // The designer reads it back to draw the pages; a clerk may not, and a wrong id is a 4xx.
    const back = await ok(call("admin", "GET", `/api/v1/admin/documents/base-pdfs/${id}`));
    expect(back.headers["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(back.rawPayload, pdf)).toBe(0);
    expect((await call("clerk", "GET", `/api/v1/admin/documents/base-pdfs/${id}`)).statusCode).toBe(403);
    expect((await call("admin", "GET", "/api/v1/admin/documents/base-pdfs/99999")).statusCode).toBe(404);
    expect((await call("admin", "GET", "/api/v1/admin/documents/base-pdfs/abc")).statusCode).toBe(400);

    const save = {
      key: "test-form",
      name: "住民異動届",
      basePdfId,
      fields: fields(),
      validFrom: "2020-04-01",
    };
    expect((await ok(call("admin", "POST", "/api/v1/admin/documents/templates", save), 201)).json()).toEqual({
      key: "test-form",
      version: 1,
    });
    // A second "new" template with the same key would overwrite: refused.
    expect((await call("admin", "POST", "/api/v1/admin/documents/templates", save)).statusCode).toBe(409);
    const unknownAnswer = {
      ...save,
      key: "other-form",
      fields: fields([
        {
          name: "x",
          page: 1,
          x: 1,
          y: 1,
          width: 5,
          height: 5,
          font: "body",
          size: 9,
          source: "answer:noSuchQuestion",
        },
      ]),
    };
    const refused = await call("admin", "POST", "/api/v1/admin/documents/templates", unknownAnswer);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain("noSuchQuestion");

    const preview = await ok(
      call("admin", "POST", "/api/v1/admin/documents/templates/preview", { basePdfId, fields: save.fields }),
    );
    expect(squeeze(await textOf(preview))).toContain("見本花子");
    const listed = (await ok(call("clerk", "GET", "/api/v1/document-templates"))).json();
    expect(listed.templates).toEqual([{ key: "test-form", version: 1, name: "住民異動届" }]);
  });
});

describe("printing for a case", () => {
  it("fills the form from the register, the case and the answers, and marks the procedure printed", async () => {
    yamadaCase = await moveOutCase("clerk", "H800", ["8000000001", "8000000002"]);
    const before = await detail("clerk", yamadaCase);
    const residenceChangeId = before.residenceChanges[0]?.id;
    await ok(
      call("clerk", "PUT", `/api/v1/cases/${yamadaCase}/residence-changes/${residenceChangeId}/answers`, {
        answers: { movingAbroad: "no" },
      }),
    );
    const procedure = nhiFor(await detail("clerk", yamadaCase), "8000000001");
    if (!procedure) throw new Error("no 国保 procedure derived for the head");
    yamadaProcedure = procedure;
    const res = await ok(
      call("clerk", "POST", `/api/v1/cases/${yamadaCase}/documents`, {
        documents: [{ templateKey: "test-form", procedureId: procedure.id }],
      }),
    );
    firstPrintId = Number(res.headers["x-printed-documents"]);
    firstPrintText = await textOf(res);
    const text = squeeze(firstPrintText);
    expect(text).toContain("住民異動届（試験用様式）");
    expect(text).toContain("山田太郎");
    expect(text).toContain("昭和61年5月10日");
    expect(text).toContain("出雲市今市町1-2-3");
    expect(text).toContain("いいえ");
    expect(text).toContain(squeeze(procedure.name));
    expect(text).toContain(formatWareki(today));
    const after = await detail("clerk", yamadaCase);
    expect(after.procedures.find((p) => p.id === procedure.id)?.status).toBe("printed");
    expect(after.history.at(-1)?.summary).toBe("住民異動届を印刷");
  });

  it("prints several forms as one PDF, one page each", async () => {
    const res = await ok(
      call("clerk", "POST", `/api/v1/cases/${yamadaCase}/documents`, {
        documents: [
          { templateKey: "test-form", procedureId: yamadaProcedure.id },
          { templateKey: "test-form", personId: "8000000002" },
          { templateKey: "test-form", personId: "8000000001" },
        ],
      }),
    );
    expect(await pdfPages(res.rawPayload)).toBe(3);
    expect(String(res.headers["x-printed-documents"]).split(",")).toHaveLength(3);
    const pages = (await textOf(res)).split("\f").map(squeeze);
    expect(pages[1]).toContain("山田花子");
    expect(pages[1]).toContain("昭和63年2月1日");
  });

  it("refuses a person who is not part of the case", async () => {
    const res = await call("clerk", "POST", `/api/v1/cases/${yamadaCase}/documents`, {
      documents: [{ templateKey: "test-form", personId: "8200000001" }],
    });
    expect(res.statusCode).toBe(400);
  });

  it("reprints the same text after the register and the template changed", async () => {
    await withOwner(t.database.ownerUrl, async (db) => {
      await sql`update person set name = '山田　太朗', birth_date = '1986-05-11' where id = '8000000001'`.execute(
        db,
      );
    });
    const v2 = {
      key: "test-form",
      name: "住民異動届",
      basePdfId,
      fields: fields([
        {
          name: "edition",
          page: 1,
          x: 15,
          y: 100,
          width: 60,
          height: 8,
          font: "body",
          size: 12,
          source: "fixed",
          text: "様式第2版",
        },
      ]),
      validFrom: "2020-04-01",
      baseVersion: 1,
    };
    expect(
      (await ok(call("admin", "POST", "/api/v1/admin/documents/templates", v2), 201)).json().version,
    ).toBe(2);

    const reprint = await ok(
      call("clerk", "POST", `/api/v1/cases/${yamadaCase}/documents/${firstPrintId}/reprint`, {}),
    );
    expect(await textOf(reprint)).toBe(firstPrintText);
    const fresh = await ok(
      call("clerk", "POST", `/api/v1/cases/${yamadaCase}/documents`, {
        documents: [{ templateKey: "test-form", procedureId: yamadaProcedure.id }],
      }),
    );
    const text = squeeze(await textOf(fresh));
    expect(text).toContain("山田太朗");
    expect(text).toContain("様式第2版");
  });

  it("lists every print and reprint in the case's history", async () => {
    const { documents } = (
      await ok(call("clerk", "GET", `/api/v1/cases/${yamadaCase}/documents`))
    ).json() as {
      documents: PrintedDocument[];
    };
    expect(documents).toHaveLength(6);
    const first = documents.find((d) => d.id === firstPrintId);
    expect(first).toMatchObject({
      kind: "form",
      templateKey: "test-form",
      templateVersion: 1,
      name: "住民異動届",
    });
    expect(first?.persons.map((p) => p.id)).toContain("8000000001");
    const reprint = documents.find((d) => d.reprintOf === firstPrintId);
    expect(reprint).toMatchObject({ templateVersion: 1, printed: { counterName: "市民課" } });
    expect(documents.filter((d) => d.templateVersion === 2)).toHaveLength(1);
  });

  it("audits every print and reprint with the persons on it", async () => {
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["target", "person_ids", "detail"])
      .where("action", "=", "document.print")
      .orderBy("seq")
      .execute();
    expect(rows).toHaveLength(6);
    expect(rows[0]?.target).toBe(`printed_document:${firstPrintId}`);
    expect(rows[0]?.person_ids).toContain("8000000001");
    expect(rows.some((r) => r.person_ids.includes("8000000002"))).toBe(true);
    expect(rows.filter((r) => (r.detail as { reprintOf?: number }).reprintOf === firstPrintId)).toHaveLength(
      1,
    );
  });
});

describe("支援措置 on documents", () => {
  let protectedCase: number;

  it("masks a protected person's address for a role without supportMeasureView", async () => {
    protectedCase = await moveOutCase("clerk", "H820", ["8200000001"]);
    const res = await ok(
      call("clerk", "POST", `/api/v1/cases/${protectedCase}/documents`, {
        documents: [{ templateKey: "test-form", personId: "8200000001" }],
      }),
    );
    const text = squeeze(await textOf(res));
    expect(text).toContain("辻\u{E0102}一郎");
    expect(text).not.toContain("大津町");
    expect(text).not.toContain("9-8-7");
    expect(text).toContain(squeeze(maskedAddressText));
  });

  it("shows it to an allowed role that acknowledged, and masks it again when another role reprints", async () => {
    await ok(call("chief", "POST", "/api/v1/persons/8200000001/support-measure/acknowledge"));
    const res = await ok(
      call("chief", "POST", `/api/v1/cases/${protectedCase}/documents`, {
        documents: [{ templateKey: "test-form", personId: "8200000001" }],
      }),
    );
    expect(squeeze(await textOf(res))).toContain("出雲市大津町9-8-7");
    const id = Number(res.headers["x-printed-documents"]);
    const reprint = await ok(
      call("clerk", "POST", `/api/v1/cases/${protectedCase}/documents/${id}/reprint`, {}),
    );
    const text = squeeze(await textOf(reprint));
    expect(text).not.toContain("9-8-7");
    expect(text).toContain(squeeze(maskedAddressText));
  });
});

describe("支援措置 on a 住民異動届 once the household has left the register", () => {
  it("masks the 転出先 for a role without the right, and again when that role reprints", async () => {
    const moveForm = {
      key: "move-form",
      name: "転出届（試験用）",
      basePdfId,
      validFrom: "2020-04-01",
      fields: fields([
        {
          name: "newAddress",
          label: "転出先",
          page: 1,
          x: 60,
          y: 70,
          width: 130,
          height: 8,
          font: "name",
          size: 10,
          source: "case.newAddress",
        },
      ]),
    };
    await ok(call("admin", "POST", "/api/v1/admin/documents/templates", moveForm), 201);
    const id = (await ok(call("clerk", "POST", "/api/v1/cases", { channel: "mailIntake" }), 201)).json().id;
    await ok(
      call("clerk", "POST", `/api/v1/cases/${id}/residence-changes`, {
        kind: "moveOut",
        householdId: "H840",
        occurredOn: today,
        movingPersonIds: ["8400000001"],
        outsideAddress: "島根県浜田市殿町99番地",
      }),
      201,
    );
    // The next feed records the move: nobody of the household is active, and its row is gone.
    await withOwner(t.database.ownerUrl, async (db) => {
      await sql`update person set status = 'movedOut', outside_address = '島根県浜田市殿町99番地'
        where household_id = 'H840'`.execute(db);
      await sql`delete from household where id = 'H840'`.execute(db);
    });
    const body = { documents: [{ templateKey: "move-form", personId: "8400000001" }] };
    const printed = squeeze(
      await textOf(await ok(call("clerk", "POST", `/api/v1/cases/${id}/documents`, body))),
    );
    expect(printed).not.toContain("浜田市");
    expect(printed).toContain(squeeze(maskedAddressText));

    await ok(call("chief", "POST", "/api/v1/persons/8400000001/support-measure/acknowledge"));
    const allowed = await ok(call("chief", "POST", `/api/v1/cases/${id}/documents`, body));
    expect(squeeze(await textOf(allowed))).toContain("島根県浜田市殿町99番地");
    const printedId = Number(allowed.headers["x-printed-documents"]);
    const reprint = await ok(call("clerk", "POST", `/api/v1/cases/${id}/documents/${printedId}/reprint`, {}));
    expect(squeeze(await textOf(reprint))).not.toContain("浜田市");
  });
});

describe("characters no font can draw", () => {
  it("tells the clerk who and which character, and prints only when told to", async () => {
    const id = await moveOutCase("clerk", "H830", ["8300000001"]);
    const body = { documents: [{ templateKey: "test-form", personId: "8300000001" }] };
    const refused = await call("clerk", "POST", `/api/v1/cases/${id}/documents`, body);
    expect(refused.statusCode).toBe(422);
    const { message } = refused.json().error as { message: string };
    expect(message).toContain("田\uE8A0　花 さん");
    expect(message).toContain("U+E8A0");
    const printed = await call("clerk", "POST", `/api/v1/cases/${id}/documents`, {
      ...body,
      acknowledgeMissingGlyphs: true,
    });
    expect(printed.statusCode).toBe(200);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "document.print")
      .where("person_ids", "@>", sql<string[]>`array['8300000001']`)
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ missingGlyphsAcknowledged: true });
  });
});

describe("the 手続き案内書", () => {
  it("lists the case's procedures with what to bring and where to go, and is recorded like a print", async () => {
    const d = await detail("clerk", yamadaCase);
    const res = await ok(call("clerk", "GET", `/api/v1/cases/${yamadaCase}/guide-sheet.pdf`));
    const text = squeeze(await textOf(res));
    expect(text).toContain("手続きのご案内");
    expect(text).toContain(`出雲市${formatWareki(today)}`);
    for (const p of d.procedures.filter((p) => p.status !== "notNeeded"))
      expect(text).toContain(squeeze(p.name));
    const nhi = nhiFor(d, "8000000002");
    expect(text).toContain(`持ち物：${squeeze(nhi?.bring.join("、") ?? "")}`);
    expect(text).toContain("行き先：保険年金課（本庁舎1階5番窓口）");
    expect(text).toContain("行き先：ここで受付");
    expect(text).toContain("状況：これから");
    const { documents } = (
      await ok(call("clerk", "GET", `/api/v1/cases/${yamadaCase}/documents`))
    ).json() as {
      documents: PrintedDocument[];
    };
    expect(documents[0]).toMatchObject({ kind: "guideSheet", name: "手続き案内書" });
    const reprint = await ok(
      call("clerk", "POST", `/api/v1/cases/${yamadaCase}/documents/${documents[0]?.id}/reprint`, {}),
    );
    expect(squeeze(await textOf(reprint))).toBe(text);
    expect((await detail("clerk", yamadaCase)).history.at(-1)?.summary).toBe("手続き案内書を再印刷");
  });
});
