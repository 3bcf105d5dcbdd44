import { describe, expect, it } from "vitest";
import type { CertificateType } from "./schemas.ts";
import {
  type CertificateSettings,
  defaultCertificateSettings,
  describeSettingsChanges,
  readCertificateSettings,
} from "./settings.ts";

const defaults = defaultCertificateSettings;
const residentRecord = defaults.types[0] as CertificateType;
const withType = (index: number, change: Record<string, unknown>) => ({
  ...defaults,
  types: defaults.types.map((t, i) => (i === index ? { ...t, ...change } : t)),
});
const issuesOf = (value: unknown) => {
  const read = readCertificateSettings(value);
  return read.ok ? [] : read.issues;
};

describe("certificate settings as a whole", () => {
  it("accepts the defaults as they are", () => {
    expect(readCertificateSettings(defaults)).toEqual({ ok: true, settings: defaults });
  });

  it("names the entry and the field of a schema problem, at the field's path", () => {
    expect(issuesOf(withType(3, { fee: { kind: "perCopy", amount: -300 } }))).toEqual([
      {
        path: "types.3.fee.amount",
        message: "証明書の種類「戸籍の附票の写し」の手数料の金額は0以上にしてください",
      },
    ]);
    expect(issuesOf(withType(0, { fee: { kind: "perCopy", amount: Number.NaN } }))[0]?.message).toBe(
      "証明書の種類「住民票の写し」の手数料の金額は半角数字（整数）で入力してください",
    );
    expect(issuesOf(withType(0, { guidance: "あ".repeat(501) }))).toEqual([
      {
        path: "types.0.guidance",
        message: "証明書の種類「住民票の写し」の案内・注意事項は500文字以内にしてください",
      },
    ]);
    expect(issuesOf(withType(0, { name: "" }))).toEqual([
      { path: "types.0.name", message: "証明書の種類の1件目の名称を入力してください" },
    ]);
  });

  it("keeps at least one requester and at least one parcel in the base fee", () => {
    expect(issuesOf(withType(0, { requesters: [] }))).toEqual([
      {
        path: "types.0.requesters",
        message: "証明書の種類「住民票の写し」の請求できる人を1つ以上選んでください",
      },
    ]);
    expect(
      issuesOf(withType(14, { fee: { kind: "parcels", base: 300, includedParcels: 0, perExtraParcel: 50 } })),
    ).toEqual([
      {
        path: "types.14.fee.includedParcels",
        message: "証明書の種類「固定資産評価証明書」の基本の手数料に含む筆数は1以上にしてください",
      },
    ]);
  });

  it("allows only requester kinds in an option's refusedTo, and known fee kinds", () => {
    const options = residentRecord.options.map((o, i) => (i === 0 ? { ...o, refusedTo: ["neighbour"] } : o));
    expect(issuesOf(withType(0, { options }))).toEqual([
      {
        path: "types.0.options.0.refusedTo",
        message: "証明書の種類「住民票の写し」の記載事項を記載できない請求者に選べない値があります",
      },
    ]);
    expect(issuesOf(withType(0, { fee: { kind: "perPage", amount: 10 } }))[0]).toEqual({
      path: "types.0.fee.kind",
      message: "証明書の種類「住民票の写し」の手数料の計算方法を選んでください",
    });
  });

  it("says what form a key takes", () => {
    expect(issuesOf(withType(0, { key: "住民票" }))[0]?.message).toBe(
      "証明書の種類「住民票の写し」のキーは英小文字で始め、英小文字・数字・ハイフンで2〜61文字にしてください（例: certificate-dog）",
    );
    const purposes = [...defaults.purposes, { key: "new-one", name: "新しい目的", exemption: null }];
    expect(issuesOf({ ...defaults, purposes })).toEqual([
      {
        path: `purposes.${defaults.purposes.length}.key`,
        message:
          "使用目的「新しい目的」のキーは英小文字で始め、英字だけで2〜31文字にしてください（例: disasterVictim）",
      },
    ]);
  });

  it("refuses duplicate keys and names, and a purpose naming a missing exemption", () => {
    const copy = { ...residentRecord, name: "住民票の写し（複写）" };
    expect(issuesOf({ ...defaults, types: [...defaults.types, copy] })).toEqual([
      {
        path: `types.${defaults.types.length}.key`,
        message: "証明書の種類のキー certificate-resident-record が重複しています",
      },
    ]);
    const exemptions = defaults.exemptions.filter((e) => e.key !== "pensionClaim");
    expect(issuesOf({ ...defaults, exemptions })).toEqual([
      {
        path: "purposes.0.exemption",
        message: "使用目的「年金の請求」の免除 pensionClaim は手数料の免除にありません",
      },
    ]);
    const purposes = [
      ...defaults.purposes,
      { key: "otherAgain", name: "その他（具体的に記入）", exemption: null },
    ];
    expect(issuesOf({ ...defaults, purposes })).toEqual([
      {
        path: `purposes.${defaults.purposes.length}.name`,
        message: "使用目的「その他（具体的に記入）」が重複しています",
      },
    ]);
  });

  it("answers something that is not settings at all without throwing", () => {
    expect(issuesOf(null)).toEqual([{ path: "", message: "証明書の設定の形式が正しくありません" }]);
    expect(issuesOf({ ...defaults, exemptions: "none" })).toEqual([
      { path: "exemptions", message: "手数料の免除の形式が正しくありません" },
    ]);
  });
});

describe("what a save changed", () => {
  it("lists added, removed and changed entries with the fee before and after", () => {
    const after: CertificateSettings = {
      types: defaults.types.map((t, i) =>
        i === 0 ? { ...t, fee: { kind: "perCopy", amount: 350 }, guidance: "新しい案内" } : t,
      ),
      purposes: [...defaults.purposes, { key: "passport", name: "旅券の申請", exemption: null }],
      exemptions: defaults.exemptions.filter((e) => e.key !== "officialRequest"),
    };
    expect(describeSettingsChanges(defaults, after)).toEqual([
      "証明書の種類「住民票の写し」: 手数料 1通 300円 → 1通 350円、案内・注意事項",
      "使用目的を追加: 旅券の申請",
      "手数料の免除を削除: 公用請求",
    ]);
    expect(describeSettingsChanges(defaults, defaults)).toEqual([]);
  });
});
