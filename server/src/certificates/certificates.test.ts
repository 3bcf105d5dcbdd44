import type { CertificateQuote } from "@ichimado/core/certificates/api";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwner } from "../db/owner.ts";
import { pdfText } from "../documents/testing/poppler.ts";
import { insertHouseholds, plainMember as member } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** 証明受付's quote: fees from the settings, blocks from the register and the requester. */
let t: TestApp;
let clerk: string;
let insurance: string;
const squeeze = (s: string) => s.replace(/\s+/g, "");

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H700",
      townCode: "T001",
      lot: "7-1",
      members: [
        member("7000000001", "証明　一郎", "世帯主"),
        member("7000000002", "証明　花子", "妻"),
        member("7000000003", "証明　次郎", "子", { birthDate: "2010-05-05" }),
      ],
    },
    { id: "H701", townCode: "T001", lot: "7-2", members: [member("7000000011", "禁止　三郎", "世帯主")] },
    {
      id: "H702",
      townCode: "T002",
      lot: "7-3",
      members: [member("7000000021", "保護　四郎", "世帯主")],
      supportMeasure: true,
    },
  ]);
  await withOwner(t.database.ownerUrl, async (db) => {
    await sql`insert into issuance_ban (person_id, reason, from_date) values ('7000000011', '本人申出', '2026-01-01')`.execute(
      db,
    );
    await sql`insert into arrears (person_id, programme, fiscal_year, amount) values ('7000000001', 'residentTax', 2025, 12000)`.execute(
      db,
    );
  });
  clerk = await t.loginAt("certclerk", "shimin", "residentClerk");
  insurance = await t.loginAt("certnhi", "hokennenkin", "insuranceClerk");
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const self = { kind: "self" };
const quote = async (body: unknown, cookie = clerk) => {
  const res = await t.call("POST", "/api/v1/certificates/quote", { cookie, body });
  return { status: res.statusCode, body: res.json() as CertificateQuote & { error?: { message: string } } };
};
const line = (certificateKey: string, personId: string, more: Record<string, unknown> = {}) => ({
  certificateKey,
  personId,
  quantity: 1,
  purpose: "employment",
  ...more,
});

describe("the quote of a certificate request", () => {
  it("totals mixed certificates for three household members", async () => {
    const { status, body } = await quote({
      requester: self,
      lines: [
        line("certificate-resident-record", "7000000001", {
          quantity: 2,
          options: ["householdHead", "relationship"],
        }),
        line("certificate-income", "7000000002", { years: [2024, 2025] }),
        line("certificate-family-register", "7000000003", { purpose: "pensionClaim" }),
        line("certificate-seal", "7000000001"),
      ],
    });
    expect(status).toBe(200);
    expect(body.problems).toEqual([]);
    expect(body.lines.map((l) => l.amount)).toEqual([600, 600, 0, 300]);
    expect(body.total).toBe(1500);
    expect(body.acceptable).toBe(true);
    const audited = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "target", "person_ids"])
      .where("target", "=", "certificate:quote")
      .executeTakeFirstOrThrow();
    expect(audited.action).toBe("person.read");
    expect([...(audited.person_ids as string[])].sort()).toEqual(["7000000001", "7000000002", "7000000003"]);
  });

  it("refuses a proxy without a 委任状, and 本籍 and 個人番号 to a third party", async () => {
    const proxy = await quote({
      requester: { kind: "proxy", delegation: { present: false } },
      lines: [line("certificate-resident-record", "7000000001", { options: ["domicile"] })],
    });
    expect(proxy.body.acceptable).toBe(false);
    expect(proxy.body.problems.map((p) => p.message)).toEqual(["代理人による請求には委任状が必要です"]);
    const withLetter = await quote({
      requester: { kind: "proxy", delegation: { present: true, names: [] } },
      lines: [line("certificate-resident-record", "7000000001", { options: ["domicile"] })],
    });
    expect(withLetter.body.acceptable).toBe(true);
    const third = await quote({
      requester: { kind: "thirdParty", reason: "貸金返還請求訴訟の提起のため" },
      lines: [line("certificate-resident-record", "7000000001", { options: ["domicile", "myNumber"] })],
    });
    expect(third.body.problems.map((p) => p.message)).toEqual([
      "本籍・筆頭者は第三者（正当な理由）の請求では記載できません",
      "個人番号は第三者（正当な理由）の請求では記載できません",
    ]);
  });

  it("blocks a 発行禁止 person, a third party's request for a 支援措置 subject, and warns of arrears", async () => {
    const banned = await quote({
      requester: self,
      lines: [line("certificate-resident-record", "7000000011")],
    });
    expect(banned.body.acceptable).toBe(false);
    expect(banned.body.problems[0]?.message).toMatch(/発行禁止/);
    const protectedSubject = await quote({
      requester: { kind: "thirdParty", reason: "債権回収のための訴訟" },
      lines: [line("certificate-resident-record", "7000000021")],
    });
    expect(protectedSubject.body.acceptable).toBe(false);
    expect(protectedSubject.body.problems.map((p) => p.message)).toEqual([
      "支援措置の対象者です。本人以外からの請求には交付できません（交付には責任者の判断が必要です）",
    ]);
    // The quote says no more than that: no address, no name of the protected person.
    expect(JSON.stringify(protectedSubject.body)).not.toMatch(/大津町|7-3|保護/);
    const arrears = await quote({
      requester: self,
      lines: [line("certificate-tax-payment", "7000000001", { years: [2025], taxes: ["市県民税"] })],
    });
    expect(arrears.body.acceptable).toBe(true);
    expect(arrears.body.problems).toEqual([
      expect.objectContaining({ severity: "warning", message: expect.stringMatching(/滞納/) }),
    ]);
    expect(arrears.body.total).toBe(300);
  });

  it("answers bad input with a 4xx in Japanese, and other counters' staff with 403", async () => {
    const empty = await quote({ requester: self, lines: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.message).toContain("証明書を1件以上選んでください");
    const badPerson = await quote({ requester: self, lines: [line("certificate-seal", "12")] });
    expect(badPerson.status).toBe(400);
    const unknown = await quote({ requester: self, lines: [line("certificate-seal", "7999999999")] });
    expect(unknown.body.problems).toEqual([
      { index: 0, field: "personId", message: "指定された宛名はありません", severity: "block" },
    ]);
    expect(
      (await quote({ requester: self, lines: [line("certificate-seal", "7000000001")] }, insurance)).status,
    ).toBe(403);
    const settings = await t.call("GET", "/api/v1/certificates/settings", { cookie: clerk });
    expect(settings.statusCode).toBe(200);
    expect(settings.json().types.length).toBeGreaterThan(10);
  });
});

describe("a request accepted into a case", () => {
  it("is kept with its fees, in the case history, and refused whole when a line is blocked", async () => {
    const opened = await t.call("POST", "/api/v1/cases", { cookie: clerk, body: { channel: "visit" } });
    expect(opened.statusCode).toBe(201);
    const { id } = opened.json() as { id: number };
    const lines = [
      line("certificate-resident-record", "7000000001", { quantity: 2 }),
      line("certificate-income", "7000000002", { years: [2025] }),
    ];
    const accepted = await t.call("POST", `/api/v1/cases/${id}/certificate-requests`, {
      cookie: clerk,
      body: { requester: self, lines, instructions: "2025年度分は所得未申告のため税務課に確認" },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ total: 900, acceptable: true });

    const refused = await t.call("POST", `/api/v1/cases/${id}/certificate-requests`, {
      cookie: clerk,
      body: { requester: self, lines: [...lines, line("certificate-resident-record", "7000000011")] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe("3件目: 発行禁止の対象者です。この方の証明書は交付できません");

    // Each certificate's procedure joined the case once for its person (the refused request added
    // none): taken here for 住民票, to be issued at 市民税課 for the 所得証明 (this counter does not
    // accept 個人住民税).
    const procedures = await t.database.db
      .selectFrom("case_procedure")
      .select(["procedure_key", "person_id", "status"])
      .where("case_id", "=", id)
      .orderBy("id")
      .execute();
    expect(procedures).toEqual([
      { procedure_key: "certificate-resident-record", person_id: "7000000001", status: "received" },
      { procedure_key: "certificate-income", person_id: "7000000002", status: "notStarted" },
    ]);

    const listed = await t.call("GET", `/api/v1/cases/${id}/certificate-requests`, { cookie: clerk });
    expect(listed.statusCode).toBe(200);
    const { requests } = listed.json() as {
      requests: {
        total: number;
        instructions: string;
        lines: { personId: string }[];
        fees: { amount: number }[];
      }[];
    };
    expect(requests).toHaveLength(1);
    expect(requests[0]?.total).toBe(900);
    expect(requests[0]?.instructions).toBe("2025年度分は所得未申告のため税務課に確認");
    expect(requests[0]?.fees.map((f) => f.amount)).toEqual([600, 300]);
    const events = await t.database.db
      .selectFrom("case_event")
      .select(["kind", "summary"])
      .where("case_id", "=", id)
      .where("kind", "=", "certificateRequest")
      .execute();
    expect(events).toEqual([
      { kind: "certificateRequest", summary: "証明書交付請求 2件 3通（手数料 900円）" },
    ]);

    // 証明書交付請求書: the request as asked, the total, room to sign; in the print history, reprinted the same.
    const requestId = (requests[0] as unknown as { id: number }).id;
    const form = await t.call("GET", `/api/v1/cases/${id}/certificate-requests/${requestId}/form.pdf`, {
      cookie: clerk,
    });
    expect(form.statusCode, form.body.slice(0, 200)).toBe(200);
    expect(form.headers["content-type"]).toBe("application/pdf");
    const text = squeeze(await pdfText(form.rawPayload));
    for (const expected of [
      "証明書交付請求書",
      "住民票の写し2通",
      "対象の方：証明一郎",
      "所得証明書2025年度1通",
      "使用目的：就職・勤務先への提出",
      "手数料：300円×2通=600円",
      "手数料の合計：900円",
      "請求者署名",
    ])
      expect(text).toContain(squeeze(expected));
    // The instructions are for the issuing clerk, not for the visitor's form.
    expect(text).not.toContain("税務課に確認");
    const history = (await t.call("GET", `/api/v1/cases/${id}/documents`, { cookie: clerk })).json() as {
      documents: { id: number; kind: string; name: string; persons: { id: string }[] }[];
    };
    expect(history.documents[0]).toMatchObject({ kind: "certificateRequestForm", name: "証明書交付請求書" });
    expect(history.documents[0]?.persons.map((p) => p.id).sort()).toEqual(["7000000001", "7000000002"]);
    const again = await t.call("POST", `/api/v1/cases/${id}/documents/${history.documents[0]?.id}/reprint`, {
      cookie: clerk,
      body: {},
    });
    expect(again.statusCode).toBe(200);
    expect(squeeze(await pdfText(again.rawPayload))).toBe(text);
    expect(
      (await t.call("GET", `/api/v1/cases/${id}/certificate-requests/99999/form.pdf`, { cookie: clerk }))
        .statusCode,
    ).toBe(404);

    const missing = await t.call("POST", "/api/v1/cases/999999/certificate-requests", {
      cookie: clerk,
      body: { requester: self, lines },
    });
    expect(missing.statusCode).toBe(404);
    const forbidden = await t.call("GET", `/api/v1/cases/${id}/certificate-requests`, { cookie: insurance });
    expect(forbidden.statusCode).toBe(403);
  });

  it("prints its 証明書交付請求書 as accepted, after an administrator renames the purpose it names", async () => {
    const opened = await t.call("POST", "/api/v1/cases", { cookie: clerk, body: { channel: "visit" } });
    const { id } = opened.json() as { id: number };
    const accepted = await t.call("POST", `/api/v1/cases/${id}/certificate-requests`, {
      cookie: clerk,
      body: { requester: self, lines: [line("certificate-resident-record", "7000000001")] },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const listed = (
      await t.call("GET", `/api/v1/cases/${id}/certificate-requests`, { cookie: clerk })
    ).json() as {
      requests: { id: number }[];
    };
    const requestId = listed.requests[0]?.id;

    const admin = await t.loginAt("certadmin", "johoseisaku", "systemAdmin");
    const current = (
      await t.call("GET", "/api/v1/admin/certificates/settings", { cookie: admin })
    ).json() as {
      version: number;
      updated: unknown;
      purposes: { key: string; name: string }[];
    };
    const { version, updated: _, ...settings } = current;
    const renamed = await t.call("PUT", "/api/v1/admin/certificates/settings", {
      cookie: admin,
      body: {
        ...settings,
        purposes: settings.purposes.map((p) => (p.key === "employment" ? { ...p, name: "勤め先へ" } : p)),
        expectedVersion: version,
      },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);

    const form = await t.call("GET", `/api/v1/cases/${id}/certificate-requests/${requestId}/form.pdf`, {
      cookie: clerk,
    });
    expect(form.statusCode).toBe(200);
    const text = squeeze(await pdfText(form.rawPayload));
    expect(text).toContain("使用目的：就職・勤務先への提出");
    expect(text).not.toContain("勤め先へ");
  });
});
