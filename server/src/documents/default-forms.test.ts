import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { japanDate } from "@ichimado/core/common/dates";
import type { TemplateVersion } from "@ichimado/core/documents/api";
import { defaultForms } from "@ichimado/core/documents/default-forms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog, saveCatalog } from "../catalog/store.ts";
import { insertHouseholds } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { seedDefaultForms } from "./default-forms.ts";
import { documentFonts } from "./fonts.ts";
import { renderPdf } from "./render.ts";
import { pdfPages, pdfText } from "./testing/poppler.ts";

/** The initial forms: installed once, offered with the procedures that name them, filled in. */
let t: TestApp;
let dataDir: string;
let clerk: string;
let admin: string;
let moveOutCase: number;
let moveOutProcedure: number;
/** The 国保 procedure of the same case: its subject is one person (森山健一). */
let personProcedure: number;
const today = japanDate(new Date());
const squeeze = (s: string) => s.replace(/\s+/g, "");

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-forms-"));
  t = await createTestApp({ ICHIMADO_DATA_DIR: dataDir });
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H900",
      townCode: "T001",
      lot: "4-5-6",
      members: [
        {
          id: "9000000001",
          name: "森山　健一",
          nameKana: "モリヤマ　ケンイチ",
          birthDate: "1980-07-07",
          sex: "male",
          relationship: "世帯主",
          enrollments: [
            { programme: "nationalHealthInsurance", role: "insured", attributes: { insuredNumber: "9" } },
          ],
        },
      ],
    },
  ]);
  clerk = await t.loginAt("formclerk", "shimin", "residentClerk");
  admin = await t.loginAt("formadmin", "johoseisaku", "systemAdmin");
}, 180_000);
afterAll(async () => {
  await t?.close();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

const templates = async () =>
  (
    (await t.call("GET", "/api/v1/admin/documents/templates", { cookie: admin })).json() as {
      templates: TemplateVersion[];
    }
  ).templates;

describe("initial forms", () => {
  it("are installed once, as the system's, and never over a city's own version", async () => {
    expect(await seedDefaultForms(t.database.db, t.config)).toBeNull();
    const first = await templates();
    const keys = first.map((v) => `${v.key}:${v.version}:${v.created.staffName}`).sort();
    expect(keys).toEqual(defaultForms.map((f) => `${f.key}:1:初期様式`).sort());
    expect(keys).toContain("nursery-application-form:1:初期様式");
    expect(keys.length).toBeGreaterThanOrEqual(15);
    await seedDefaultForms(t.database.db, t.config);
    expect(await templates()).toHaveLength(defaultForms.length);
  });

  it("print for a 転出 with the register's names, the notification and the visitor's answer", async () => {
    const { id } = (
      await t.call("POST", "/api/v1/cases", { cookie: clerk, body: { channel: "visit" } })
    ).json() as { id: number };
    const taken = await t.call("POST", `/api/v1/cases/${id}/residence-changes`, {
      cookie: clerk,
      body: {
        kind: "moveOut",
        householdId: "H900",
        occurredOn: today,
        movingPersonIds: ["9000000001"],
        outsideAddress: "鳥取県米子市加茂町2丁目1番地",
      },
    });
    expect(taken.statusCode, taken.body).toBe(201);
    const { residenceChangeId: childId } = taken.json() as { residenceChangeId: number };
    const answered = await t.call("PUT", `/api/v1/cases/${id}/residence-changes/${childId}/answers`, {
      cookie: clerk,
      body: { answers: { cardBasedMoveOut: "no" } },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const detail = (await t.call("GET", `/api/v1/cases/${id}`, { cookie: clerk })).json() as CaseDetail;
    const moveOut = detail.procedures.find((p) => p.key === "move-out-notice");
    expect(moveOut?.forms).toEqual([{ key: "resident-move-notice", name: "住民異動届" }]);
    const nhi = detail.procedures.find((p) => p.key === "nhi-loss");
    expect(nhi?.forms).toEqual([{ key: "nhi-change-notice", name: "国民健康保険 異動届" }]);

    moveOutCase = id;
    moveOutProcedure = moveOut?.id ?? 0;
    personProcedure = nhi?.id ?? 0;
    const printed = await t.call("POST", `/api/v1/cases/${id}/documents`, {
      cookie: clerk,
      body: {
        documents: [
          { templateKey: "resident-move-notice", procedureId: moveOut?.id },
          { templateKey: "nhi-change-notice", procedureId: nhi?.id },
        ],
      },
    });
    expect(printed.statusCode, printed.body.slice(0, 300)).toBe(200);
    const text = squeeze(await pdfText(printed.rawPayload));
    for (const expected of [
      "住民異動届",
      "今までの住所",
      "鳥取県米子市加茂町2丁目1番地",
      "森山健一",
      "転出",
      "マイナンバーカードによる転出",
      "いいえ",
      "国民健康保険異動届",
      "モリヤマケンイチ",
      "国民健康保険資格喪失届",
      "男",
    ])
      expect(text).toContain(squeeze(expected));
  });

  it("all print in one batch, one page each, with their titles, labels and the subject's name", async () => {
    const labels = {
      "seal-registration-application": ["登録する印鑑"],
      "child-allowance-claim-form": ["転入・出生した方"],
      "child-allowance-end-notice": ["消滅の理由"],
      "late-elderly-change-notice": ["被保険者の氏名"],
      "ltc-change-notice": ["転入前の市町村での要介護認定"],
      "pension-insured-notice": ["基礎年金番号", "厚生労働大臣"],
      "child-rearing-allowance-claim-form": ["支給要件", "対象となる児童"],
      "child-medical-registration-form": ["子の健康保険", "保護者（申請者）の氏名"],
      "physical-disability-handbook-application": ["障がい名", "島根県知事"],
      "school-aid-application-form": ["援助を受ける児童生徒", "出雲市教育委員会"],
      "nursery-application-form": ["希望する施設", "利用を希望する開始日"],
      "dog-registration-change-notice": ["登録番号（鑑札の番号）", "変更後の所在地"],
      "public-housing-move-out-notice": ["退去検査の希望日", "敷金の返還先口座"],
    };
    const printed = await t.call("POST", `/api/v1/cases/${moveOutCase}/documents`, {
      cookie: clerk,
      body: {
        documents: defaultForms.map((f) => ({ templateKey: f.key, procedureId: personProcedure })),
      },
    });
    expect(printed.statusCode, printed.body.slice(0, 300)).toBe(200);
    expect(await pdfPages(printed.rawPayload)).toBe(defaultForms.length);
    const text = squeeze(await pdfText(printed.rawPayload));
    for (const form of defaultForms) expect(text, form.key).toContain(squeeze(form.title));
    for (const expected of Object.values(labels).flat()) expect(text).toContain(squeeze(expected));
    // The titles come in the order asked.
    const at = defaultForms.map((f) => text.indexOf(squeeze(f.title)));
    expect(at).toEqual([...at].sort((x, y) => x - y));
    // 森山健一 is the subject, the household's head and the case's one moving member: his name is
    // in every box that reads one of those.
    const his = new Set(["person.name", "person.householdHead", "case.movingMembers"]);
    const boxes = defaultForms.flatMap((f) => f.boxes).filter((b) => b.field && his.has(b.field.source));
    expect(text.split("森山健一").length - 1).toBe(boxes.length);
    expect(text).toContain("鳥取県米子市加茂町2丁目1番地");
  });

  it("attach a procedure's leaflet after its forms; an unknown leaflet is refused", async () => {
    const upload = (key: string, body: Buffer) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/admin/documents/leaflets?key=${key}&name=${encodeURIComponent("転出される方へ")}`,
        headers: {
          cookie: admin,
          "x-requested-with": "ichimado",
          "content-type": "application/octet-stream",
        },
        payload: body,
      });
    const leaflet = Buffer.from(
      await renderPdf({
        base: { width: 210, height: 297, padding: [0, 0, 0, 0] },
        pageCount: 1,
        texts: [
          {
            name: "text",
            page: 0,
            x: 20,
            y: 20,
            width: 170,
            height: 12,
            role: "body",
            size: 16,
            align: "left",
            value: "転出される方へ：ごみ袋の精算のご案内",
          },
        ],
        fonts: await documentFonts(t.config),
        title: "転出される方へ",
      }),
    );
    const saved = await upload("move-out-guide", leaflet);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toEqual({ key: "move-out-guide", version: 1, pages: 1 });
    const refused = await upload("move-out-guide", Buffer.from("not a pdf"));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { message: expect.stringMatching(/PDF/) } });
    const badKey = await upload("転出", leaflet);
    expect(badKey.statusCode).toBe(400);
    const clerkUpload = await t.app.inject({
      method: "POST",
      url: "/api/v1/admin/documents/leaflets?key=x-guide&name=x",
      headers: { cookie: clerk, "x-requested-with": "ichimado", "content-type": "application/octet-stream" },
      payload: leaflet,
    });
    expect(clerkUpload.statusCode).toBe(403);

    // The catalog names it for the 転出届: the case offers it beside the form.
    const catalog = await loadCatalog(t.database.db);
    const adminId = await t.database.db
      .selectFrom("staff_user")
      .select("id")
      .where("login_id", "=", "formadmin")
      .executeTakeFirstOrThrow();
    await t.database.db.transaction().execute((trx) =>
      saveCatalog(
        trx,
        {
          questions: catalog.questions,
          procedures: catalog.procedures.map((p) =>
            p.key === "move-out-notice" ? { ...p, leaflets: ["move-out-guide"] } : p,
          ),
        },
        adminId.id,
        "チラシを追加",
      ),
    );
    const detail = (
      await t.call("GET", `/api/v1/cases/${moveOutCase}`, { cookie: clerk })
    ).json() as CaseDetail;
    // Procedures keep the definition they were derived with: the leaflet comes with a new 転出.
    expect(detail.procedures.find((p) => p.id === moveOutProcedure)?.leaflets).toEqual([]);

    const printed = await t.call("POST", `/api/v1/cases/${moveOutCase}/documents`, {
      cookie: clerk,
      body: {
        documents: [{ templateKey: "resident-move-notice", procedureId: moveOutProcedure }],
        leaflets: ["move-out-guide"],
      },
    });
    expect(printed.statusCode, printed.body.slice(0, 300)).toBe(200);
    expect(await pdfPages(printed.rawPayload)).toBe(2);
    const text = squeeze(await pdfText(printed.rawPayload));
    expect(text.indexOf("住民異動届")).toBeLessThan(text.indexOf("ごみ袋の精算"));
    const only = await t.call("POST", `/api/v1/cases/${moveOutCase}/documents`, {
      cookie: clerk,
      body: { documents: [], leaflets: ["move-out-guide"] },
    });
    expect(only.statusCode).toBe(200);
    expect(await pdfPages(only.rawPayload)).toBe(1);
    const unknown = await t.call("POST", `/api/v1/cases/${moveOutCase}/documents`, {
      cookie: clerk,
      body: { documents: [], leaflets: ["no-such-leaflet"] },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      error: { message: "案内チラシ no-such-leaflet は登録されていません" },
    });
    const none = await t.call("POST", `/api/v1/cases/${moveOutCase}/documents`, {
      cookie: clerk,
      body: { documents: [] },
    });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("印刷する様式か案内チラシを選んでください");
  });
});
