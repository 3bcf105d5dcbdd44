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
        message:
          "証明書の種類「住民票の写し」の記載事項「世帯主の氏名」の記載できない請求者に選べない値があります",
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

  it("checks each option (記載事項) and names the certificate and the option", () => {
    const withOptions = (options: unknown[]) =>
      withType(0, { options: [...residentRecord.options, ...options] });
    const added = residentRecord.options.length;
    const at = `types.0.options.${added}`;
    const option = {
      key: "pastAddress",
      name: "前住所",
      refusedTo: ["thirdParty"],
      delegationMustName: true,
    };
    expect(issuesOf(withOptions([option]))).toEqual([]);
    // What an older client leaves out takes the schema's defaults.
    const read = readCertificateSettings(withOptions([{ key: "pastAddress", name: "前住所" }]));
    expect(read.ok && read.settings.types[0]?.options[added]).toEqual({
      key: "pastAddress",
      name: "前住所",
      refusedTo: [],
      delegationMustName: false,
    });

    expect(issuesOf(withOptions([{ ...option, name: "" }]))).toEqual([
      {
        path: `${at}.name`,
        message: `証明書の種類「住民票の写し」の記載事項の${added + 1}件目の名称を入力してください`,
      },
    ]);
    expect(issuesOf(withOptions([{ ...option, name: "　 " }]))).toEqual([
      {
        path: `${at}.name`,
        message: `証明書の種類「住民票の写し」の記載事項の${added + 1}件目の名称を入力してください`,
      },
    ]);
    expect(issuesOf(withOptions([{ ...option, name: "前".repeat(41) }]))).toEqual([
      {
        path: `${at}.name`,
        message: `証明書の種類「住民票の写し」の記載事項の${added + 1}件目の名称は40文字以内にしてください`,
      },
    ]);
    expect(issuesOf(withOptions([{ ...option, key: "past-address" }]))).toEqual([
      {
        path: `${at}.key`,
        message:
          "証明書の種類「住民票の写し」の記載事項「前住所」のキーは英小文字で始め、英字だけで2〜31文字にしてください（例: householdHead）",
      },
    ]);
    expect(issuesOf(withOptions([{ ...option, refusedTo: ["thirdParty", "stranger"] }]))).toEqual([
      {
        path: `${at}.refusedTo`,
        message: "証明書の種類「住民票の写し」の記載事項「前住所」の記載できない請求者に選べない値があります",
      },
    ]);
    expect(issuesOf(withOptions([{ ...option, delegationMustName: "yes" }]))).toEqual([
      {
        path: `${at}.delegationMustName`,
        message:
          "証明書の種類「住民票の写し」の記載事項「前住所」の代理人への記載の条件の形式が正しくありません",
      },
    ]);
    expect(issuesOf(withOptions([{ ...option, note: "x" }]))).toEqual([
      {
        path: at,
        message: "証明書の種類「住民票の写し」の記載事項「前住所」に使えない項目があります（note）",
      },
    ]);
    const many = Array.from({ length: 21 }, (_, i) => ({
      key: `extra${"abcdefghijklmnopqrstu"[i]}`,
      name: `追加${i}`,
    }));
    expect(issuesOf(withType(0, { options: many }))).toEqual([
      { path: "types.0.options", message: "証明書の種類「住民票の写し」の記載事項は20件までにしてください" },
    ]);
  });

  it("keeps an option's key and name once within its certificate, not across certificates", () => {
    const domicile = residentRecord.options.find((o) => o.key === "domicile");
    const added = residentRecord.options.length;
    expect(
      issuesOf(withType(0, { options: [...residentRecord.options, { ...domicile, name: "本籍" }] })),
    ).toEqual([
      {
        path: `types.0.options.${added}.key`,
        message: "証明書の種類「住民票の写し」の記載事項のキー domicile が重複しています",
      },
    ]);
    expect(
      issuesOf(withType(0, { options: [...residentRecord.options, { ...domicile, key: "domicileAgain" }] })),
    ).toEqual([
      {
        path: `types.0.options.${added}.name`,
        message: "証明書の種類「住民票の写し」の記載事項「本籍・筆頭者」が重複しています",
      },
    ]);
    // 戸籍の附票 has no options of its own: the same option there is another certificate's.
    expect(issuesOf(withType(3, { options: [domicile] }))).toEqual([]);
  });

  it("takes a catalog procedure's key or none, whichever procedures the catalog has", () => {
    expect(issuesOf(withType(0, { procedureKey: null }))).toEqual([]);
    expect(issuesOf(withType(0, { procedureKey: "certificate-dog" }))).toEqual([]);
    expect(issuesOf(withType(0, { procedureKey: "" }))).toEqual([
      {
        path: "types.0.procedureKey",
        message: "証明書の種類「住民票の写し」のカタログの手続きを入力してください",
      },
    ]);
    expect(issuesOf(withType(0, { procedureKey: 12 }))).toEqual([
      {
        path: "types.0.procedureKey",
        message: "証明書の種類「住民票の写し」のカタログの手続きの形式が正しくありません",
      },
    ]);
    expect(issuesOf(withType(0, { procedureKey: "住民票" }))).toEqual([
      {
        path: "types.0.procedureKey",
        message:
          "証明書の種類「住民票の写し」のカタログの手続き「住民票」は手続きキーの形式ではありません。カタログの手続きか「なし」を選んでください",
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

  it("names an options or procedure change by its field", () => {
    const after: CertificateSettings = {
      ...defaults,
      types: defaults.types.map((t, i) =>
        i === 3
          ? {
              ...t,
              procedureKey: null,
              options: [{ key: "pastAddress", name: "前住所", refusedTo: [], delegationMustName: false }],
            }
          : t,
      ),
    };
    expect(describeSettingsChanges(defaults, after)).toEqual([
      "証明書の種類「戸籍の附票の写し」: カタログの手続き、記載事項",
    ]);
  });
});
