import type {
  CertificateQuote,
  CertificateSettingsInput,
  CertificateSettingsView,
} from "@ichimado/core/certificates/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertHouseholds } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** 証明書の設定: administrators' versions, read by the quote and the counter's settings at once. */
let t: TestApp;
let admin: string;
let clerk: string;

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H800",
      townCode: "T001",
      lot: "8-1",
      members: [
        {
          id: "8000000001",
          name: "設定　一郎",
          nameKana: "セッテイ　イチロウ",
          birthDate: "1980-04-01",
          sex: "male",
          relationship: "世帯主",
        },
      ],
    },
  ]);
  admin = await t.loginAt("settingsadmin", "johoseisaku", "systemAdmin");
  clerk = await t.loginAt("settingsclerk", "shimin", "residentClerk");
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const view = async (cookie = admin) => {
  const res = await t.call("GET", "/api/v1/admin/certificates/settings", { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CertificateSettingsView;
};
const save = (body: unknown, cookie = admin) =>
  t.call("PUT", "/api/v1/admin/certificates/settings", { cookie, body });
const inputOf = ({
  version,
  updated: _,
  ...settings
}: CertificateSettingsView): CertificateSettingsInput => ({
  ...settings,
  expectedVersion: version,
});
const residentRecordTotal = async (quantity: number) => {
  const res = await t.call("POST", "/api/v1/certificates/quote", {
    cookie: clerk,
    body: {
      requester: { kind: "self" },
      lines: [
        {
          certificateKey: "certificate-resident-record",
          personId: "8000000001",
          quantity,
          purpose: "employment",
        },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as CertificateQuote).total;
};

describe("certificate settings saved by an administrator", () => {
  it("start as the defaults, version 0, and a changed 住民票 fee changes the quote at once", async () => {
    const initial = await view();
    expect(initial.version).toBe(0);
    expect(initial.updated).toBeNull();
    expect(await residentRecordTotal(2)).toBe(600);

    const input = inputOf(initial);
    input.types = input.types.map((type) =>
      type.key === "certificate-resident-record"
        ? { ...type, fee: { kind: "perCopy", amount: 350 }, guidance: "提出先の指定を確認してください。" }
        : type,
    );
    const saved = await save(input);
    expect(saved.statusCode, saved.body).toBe(200);
    const answer = saved.json() as CertificateSettingsView;
    expect(answer.version).toBe(1);
    expect(answer.updated?.staffName).toBe("テスト settingsadmin");

    // The same process has read version 0 before: the quote must not keep it.
    expect(await residentRecordTotal(2)).toBe(700);
    const counter = await t.call("GET", "/api/v1/certificates/settings", { cookie: clerk });
    expect(counter.statusCode).toBe(200);
    const shown = (counter.json() as CertificateSettingsView).types.find(
      (type) => type.key === "certificate-resident-record",
    );
    expect(shown?.fee).toEqual({ kind: "perCopy", amount: 350 });
    expect(shown?.guidance).toBe("提出先の指定を確認してください。");
    // The counter's answer keeps its shape: the settings, not the editor's version.
    expect(Object.keys(counter.json() as object).sort()).toEqual(["exemptions", "purposes", "types"]);

    const audited = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "target", "detail", "login_id"])
      .where("target", "=", "certificates:settings")
      .execute();
    expect(audited).toEqual([
      {
        action: "settings.change",
        target: "certificates:settings",
        login_id: "settingsadmin",
        detail: {
          version: 1,
          baseVersion: 0,
          changed: 1,
          changes: ["証明書の種類「住民票の写し」: 手数料 1通 300円 → 1通 350円、案内・注意事項"],
        },
      },
    ]);
  });

  it("refuses invalid settings with the path and leaves the version as it was", async () => {
    const current = await view();
    const input = inputOf(current);
    const first = input.types[0];
    if (!first) throw new Error("no certificate types");

    const duplicate = await save({
      ...input,
      types: [...input.types, { ...first, name: "住民票の写し（別）" }],
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error).toEqual({
      code: "VALIDATION",
      message: "証明書の種類のキー certificate-resident-record が重複しています",
      issues: [
        {
          path: `types.${input.types.length}.key`,
          message: "証明書の種類のキー certificate-resident-record が重複しています",
        },
      ],
    });

    const missing = await save({
      ...input,
      exemptions: input.exemptions.filter((e) => e.key !== "pensionClaim"),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues).toEqual([
      {
        path: "purposes.0.exemption",
        message: "使用目的「年金の請求」の免除 pensionClaim は手数料の免除にありません",
      },
    ]);

    const negative = await save({
      ...input,
      types: input.types.map((type, i) =>
        i === 3 ? { ...type, fee: { kind: "perCopy", amount: -1 } } : type,
      ),
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.issues).toEqual([
      {
        path: "types.3.fee.amount",
        message: "証明書の種類「戸籍の附票の写し」の手数料の金額は0以上にしてください",
      },
    ]);

    for (const bad of [null, { expectedVersion: "1" }, { expectedVersion: 1, types: "all" }]) {
      const res = await save(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    expect((await view()).version).toBe(current.version);
    expect(await residentRecordTotal(1)).toBe(350);
  });

  it("refuses a save on a version someone else has saved over, and saves nothing", async () => {
    const current = await view();
    const stale = { ...inputOf(current), expectedVersion: current.version - 1 };
    const res = await save(stale);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      `証明書の設定は他の職員が更新しました（版 ${current.version}）。最新の版を読み込み直してから変更してください`,
    );
    expect((await view()).version).toBe(current.version);
    const rows = await t.database.db.selectFrom("certificate_settings").select("version").execute();
    expect(rows.map((r) => r.version)).toEqual([current.version]);
  });

  it("adds an option refused to third parties: a third party's quote asking for it is blocked", async () => {
    const key = "certificate-family-register";
    const quote = async (requester: object, options: string[]) => {
      const res = await t.call("POST", "/api/v1/certificates/quote", {
        cookie: clerk,
        body: {
          requester,
          lines: [
            { certificateKey: key, personId: "8000000001", quantity: 1, options, purpose: "employment" },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as CertificateQuote;
    };
    const thirdParty = { kind: "thirdParty", reason: "相続手続きのため（債権者として）" };
    const before = await quote(thirdParty, ["removedMembers"]);
    expect(before.problems.map((p) => p.message)).toContain(
      "戸籍全部事項・個人事項証明書（謄本・抄本）に記載事項 removedMembers はありません",
    );

    const current = await view();
    const input = inputOf(current);
    input.types = input.types.map((type) =>
      type.key === key
        ? {
            ...type,
            options: [
              ...type.options,
              {
                key: "removedMembers",
                name: "除籍された者",
                refusedTo: ["thirdParty"],
                delegationMustName: true,
              },
            ],
          }
        : type,
    );
    const saved = await save(input);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as CertificateSettingsView).version).toBe(current.version + 1);

    const refused = await quote(thirdParty, ["removedMembers"]);
    expect(refused.acceptable).toBe(false);
    expect(refused.problems).toContainEqual({
      index: 0,
      field: "options",
      message: "除籍された者は第三者（正当な理由）の請求では記載できません",
      severity: "block",
    });
    // The person asking for their own register may have it; a proxy only if the 委任状 names it.
    expect((await quote({ kind: "self" }, ["removedMembers"])).acceptable).toBe(true);
    const proxy = await quote({ kind: "proxy", delegation: { present: true, names: [] } }, [
      "removedMembers",
    ]);
    expect(proxy.problems.map((p) => p.message)).toContain(
      "委任状に除籍された者の記載がないため、除籍された者は記載できません",
    );
    const named = { kind: "proxy", delegation: { present: true, names: ["removedMembers"] } };
    expect((await quote(named, ["removedMembers"])).acceptable).toBe(true);

    const [audit] = await t.database.db
      .selectFrom("audit_log")
      .select("detail")
      .where("target", "=", "certificates:settings")
      .orderBy("seq", "desc")
      .limit(1)
      .execute();
    expect(audit?.detail).toMatchObject({
      changes: ["証明書の種類「戸籍全部事項・個人事項証明書（謄本・抄本）」: 記載事項"],
    });
  });

  it("refuses a procedure the catalog does not have, at its field, and saves nothing", async () => {
    const current = await view();
    const input = inputOf(current);
    const index = input.types.findIndex((type) => type.key === "certificate-single-status");
    const withProcedure = (procedureKey: string | null) => ({
      ...input,
      types: input.types.map((type, i) => (i === index ? { ...type, procedureKey } : type)),
    });

    const res = await save(withProcedure("certificate-dog"));
    expect(res.statusCode).toBe(400);
    const message =
      "証明書の種類「独身証明書」のカタログの手続き certificate-dog は手続きカタログにありません。カタログの手続きか「なし」を選んでください";
    expect(res.json().error).toEqual({
      code: "VALIDATION",
      message,
      issues: [{ path: `types.${index}.procedureKey`, message }],
    });
    // A key that is not a procedure key at all is core's to refuse, the same on the screen.
    const malformed = await save(withProcedure("独身"));
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0].path).toBe(`types.${index}.procedureKey`);
    expect((await view()).version).toBe(current.version);

    // None is a choice: a request for it then adds no procedure to the case.
    const none = await save(withProcedure(null));
    expect(none.statusCode, none.body).toBe(200);
    expect((await view()).types[index]?.procedureKey).toBeNull();
    const back = await save({
      ...withProcedure("certificate-single-status"),
      expectedVersion: current.version + 1,
    });
    expect(back.statusCode, back.body).toBe(200);
  });

  it("is for catalogAdmin only: a counter clerk may read the settings, not edit them", async () => {
    expect((await t.call("GET", "/api/v1/admin/certificates/settings", { cookie: clerk })).statusCode).toBe(
      403,
    );
    const current = await view();
    expect((await save(inputOf(current), clerk)).statusCode).toBe(403);
    expect((await t.call("GET", "/api/v1/admin/certificates/settings")).statusCode).toBe(401);
    expect((await view()).version).toBe(current.version);
  });
});
