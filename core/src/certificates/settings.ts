import type { z } from "zod";
import { procedureDefinitionSchema } from "../catalog/procedures.ts";
import { certificateSettingsSchema } from "./api.ts";
import { defaultCertificateTypes, defaultFeeExemptions, defaultPurposes } from "./defaults.ts";
import { feeRuleText } from "./fees.ts";

/**
 * The certificate settings as one whole (types, purposes, exemptions): checked here, entry by entry
 * and against each other, with every problem in the administrator's words and the path of its
 * field, so the settings screen and the server say the same thing the same way.
 */
export type CertificateSettings = z.infer<typeof certificateSettingsSchema>;

export interface SettingsIssue {
  path: string;
  message: string;
}

/** What an installation uses until an administrator saves settings of its own (version 0). */
export const defaultCertificateSettings: CertificateSettings = {
  types: [...defaultCertificateTypes],
  purposes: [...defaultPurposes],
  exemptions: [...defaultFeeExemptions],
};

type ListName = "types" | "purposes" | "exemptions";
const listLabels: Record<ListName, string> = {
  types: "証明書の種類",
  purposes: "使用目的",
  exemptions: "手数料の免除",
};

/** Field names by their path inside an entry, numbers as `*`. */
const fieldLabels: Record<ListName, Record<string, string>> = {
  types: {
    key: "キー",
    name: "名称",
    group: "分類",
    procedureKey: "カタログの手続き",
    fee: "手数料の計算方法",
    "fee.kind": "手数料の計算方法",
    "fee.amount": "手数料の金額",
    "fee.base": "基本の手数料",
    "fee.includedParcels": "基本の手数料に含む筆数",
    "fee.perExtraParcel": "超える1筆ごとの手数料",
    options: "記載事項",
    requesters: "請求できる人",
    maxCopies: "1件で請求できる通数",
    maxPeriods: "1件で請求できる年度数",
    legalBasis: "法令",
    guidance: "案内・注意事項",
  },
  purposes: { key: "キー", name: "名称", exemption: "免除" },
  exemptions: { key: "キー", name: "名称", legalBasis: "法令", groups: "対象の証明書" },
};

/** An option's fields: a problem there names the option too, as staff know it at the counter. */
const optionFieldLabels: Record<string, string> = {
  key: "キー",
  name: "名称",
  refusedTo: "記載できない請求者",
  delegationMustName: "代理人への記載の条件",
};

/** Lists of choices: a wrong value is the field's problem, not one item's. */
const choiceLists = new Set(["requesters", "refusedTo", "groups"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

const entryAt = (entries: unknown, index: number): unknown =>
  Array.isArray(entries) ? (entries[index] as unknown) : undefined;

/**
 * "証明書の種類「住民票の写し」", or by its place when it has no usable name yet (none, or one too
 * long to repeat in a message about itself).
 */
function labelOf(entry: unknown, what: string, index: number, longest: number): string {
  const name = isRecord(entry) && typeof entry.name === "string" ? entry.name.trim() : "";
  return name && name.length <= longest ? `${what}「${name}」` : `${what}の${index + 1}件目`;
}

function keyRule(list: ListName, inner: string): string {
  if (list === "types" && inner === "key")
    return "は英小文字で始め、英小文字・数字・ハイフンで2〜61文字にしてください（例: certificate-dog）";
  const example = inner === "options.*.key" ? "householdHead" : "disasterVictim";
  return `は英小文字で始め、英字だけで2〜31文字にしてください（例: ${example}）`;
}

function messageOf(issue: z.core.$ZodIssue, subject: string, list: ListName | null, inner: string): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? `${subject}を入力してください`
          : `${subject}は${issue.minimum}文字以上にしてください`;
      if (issue.origin === "array") return `${subject}を${issue.minimum}つ以上選んでください`;
      return `${subject}は${issue.minimum.toLocaleString("ja-JP")}以上にしてください`;
    case "too_big":
      if (issue.origin === "string") return `${subject}は${issue.maximum}文字以内にしてください`;
      if (issue.origin === "array") return `${subject}は${issue.maximum}件までにしてください`;
      return `${subject}は${issue.maximum.toLocaleString("ja-JP")}以下にしてください`;
    case "invalid_type":
      if (issue.expected === "number" || issue.expected === "int")
        return `${subject}は半角数字（整数）で入力してください`;
      return `${subject}の形式が正しくありません`;
    case "invalid_format":
      return list && inner.endsWith("key")
        ? `${subject}${keyRule(list, inner)}`
        : `${subject}の形式が正しくありません`;
    case "invalid_value":
      return `${subject}に選べない値があります`;
    case "invalid_union":
      return `${subject}を選んでください`;
    case "unrecognized_keys":
      return `${subject}に使えない項目があります（${issue.keys.join("、")}）`;
    default:
      return `${subject}: ${issue.message}`;
  }
}

/** A schema problem, with the entry and the field named, at the path of its field. */
function translate(issue: z.core.$ZodIssue, value: unknown): SettingsIssue {
  const path = issue.path.map(String);
  const last = path.length - 1;
  if (last > 0 && /^\d+$/.test(path[last] ?? "") && choiceLists.has(path[last - 1] ?? "")) path.pop();
  const [list, index, ...rest] = path;
  if (list !== "types" && list !== "purposes" && list !== "exemptions")
    return { path: path.join("."), message: messageOf(issue, "証明書の設定", null, "") };
  if (index === undefined || !/^\d+$/.test(index))
    return { path: path.join("."), message: messageOf(issue, listLabels[list], list, "") };
  const entryValue = entryAt(isRecord(value) ? value[list] : undefined, Number(index));
  const entry = labelOf(entryValue, listLabels[list], Number(index), 60);
  const inner = rest.map((p) => (/^\d+$/.test(p) ? "*" : p)).join(".");
  const [, option, optionField] = rest;
  let subject = entry;
  if (list === "types" && rest[0] === "options" && option !== undefined && /^\d+$/.test(option)) {
    const optionValue = entryAt(isRecord(entryValue) ? entryValue.options : undefined, Number(option));
    subject = `${entry}の${labelOf(optionValue, "記載事項", Number(option), 40)}`;
    const label = optionField === undefined ? undefined : optionFieldLabels[optionField];
    if (label) subject = `${subject}の${label}`;
  } else {
    const field = fieldLabels[list][inner];
    if (field) subject = `${entry}の${field}`;
  }
  return { path: path.join("."), message: messageOf(issue, subject, list, inner) };
}

/** Keys (and names, which staff choose by) used once each in a list. */
function duplicates(
  entries: readonly { key: string; name: string }[],
  list: ListName,
  prefix = list as string,
): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const keys = new Set<string>();
  const names = new Set<string>();
  entries.forEach((e, i) => {
    if (keys.has(e.key))
      issues.push({
        path: `${prefix}.${i}.key`,
        message: `${listLabels[list]}のキー ${e.key} が重複しています`,
      });
    if (names.has(e.name))
      issues.push({
        path: `${prefix}.${i}.name`,
        message: `${listLabels[list]}「${e.name}」が重複しています`,
      });
    keys.add(e.key);
    names.add(e.name);
  });
  return issues;
}

/** What the schema cannot see: entries against each other. */
function crossProblems(settings: CertificateSettings): SettingsIssue[] {
  const issues: SettingsIssue[] = [
    ...duplicates(settings.types, "types"),
    ...duplicates(settings.purposes, "purposes"),
    ...duplicates(settings.exemptions, "exemptions"),
  ];
  settings.types.forEach((t, i) => {
    // Which procedures exist only the server knows (its catalog); a key of another form is none.
    if (t.procedureKey !== null && !procedureDefinitionSchema.shape.key.safeParse(t.procedureKey).success)
      issues.push({
        path: `types.${i}.procedureKey`,
        message: `証明書の種類「${t.name}」のカタログの手続き「${t.procedureKey}」は手続きキーの形式ではありません。カタログの手続きか「なし」を選んでください`,
      });
    // Staff tick options by name and a 委任状 names them by key: each once within its certificate.
    const keys = new Set<string>();
    const names = new Set<string>();
    t.options.forEach((o, j) => {
      const path = `types.${i}.options.${j}`;
      if (!o.name.trim())
        issues.push({
          path: `${path}.name`,
          message: `証明書の種類「${t.name}」の記載事項の${j + 1}件目の名称を入力してください`,
        });
      else if (names.has(o.name))
        issues.push({
          path: `${path}.name`,
          message: `証明書の種類「${t.name}」の記載事項「${o.name}」が重複しています`,
        });
      if (keys.has(o.key))
        issues.push({
          path: `${path}.key`,
          message: `証明書の種類「${t.name}」の記載事項のキー ${o.key} が重複しています`,
        });
      keys.add(o.key);
      names.add(o.name);
    });
  });
  const exemptions = new Set(settings.exemptions.map((e) => e.key));
  settings.purposes.forEach((p, i) => {
    if (p.exemption !== null && !exemptions.has(p.exemption))
      issues.push({
        path: `purposes.${i}.exemption`,
        message: `使用目的「${p.name}」の免除 ${p.exemption} は手数料の免除にありません`,
      });
  });
  return issues;
}

/**
 * The settings in `value` if they hold together, else every problem: each entry's fields against
 * the shared schemas (lengths, amounts, key forms, at least one requester …), then unique keys
 * and names (a certificate's options among themselves too), procedure keys of the catalog's form,
 * and purposes naming exemptions that exist. Whether the catalog has the procedure is the server's
 * to say: it alone reads the catalog.
 */
export function readCertificateSettings(
  value: unknown,
): { ok: true; settings: CertificateSettings } | { ok: false; issues: SettingsIssue[] } {
  const parsed = certificateSettingsSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => translate(i, value)) };
  const issues = crossProblems(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, settings: parsed.data };
}

// Key order differs between what was typed and what jsonb gives back; it is not a change.
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : isRecord(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical(v[k])]),
        )
      : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** One list's additions, removals and changed fields, by key. */
function listChanges<T extends { key: string; name: string }>(
  list: ListName,
  before: readonly T[],
  after: readonly T[],
  describe: (b: T, a: T) => string[],
): string[] {
  const old = new Map(before.map((e) => [e.key, e]));
  const kept = new Set(after.map((e) => e.key));
  const lines: string[] = [];
  for (const e of after) {
    const was = old.get(e.key);
    if (!was) lines.push(`${listLabels[list]}を追加: ${e.name}`);
    else if (!same(was, e)) lines.push(`${listLabels[list]}「${was.name}」: ${describe(was, e).join("、")}`);
  }
  for (const e of before) if (!kept.has(e.key)) lines.push(`${listLabels[list]}を削除: ${e.name}`);
  return lines;
}

/** The labels of the top-level fields that differ, in the order the editor shows them. */
function changedFields<T extends object>(list: ListName, before: T, after: T): string[] {
  const value = (entry: T, field: string) => (entry as Record<string, unknown>)[field];
  return Object.entries(fieldLabels[list])
    .filter(([field]) => !field.includes(".") && !same(value(before, field), value(after, field)))
    .map(([, label]) => label);
}

/** What a save changed, a line an entry, for the audit log and the save message. */
export function describeSettingsChanges(before: CertificateSettings, after: CertificateSettings): string[] {
  return [
    ...listChanges("types", before.types, after.types, (b, a) =>
      changedFields("types", b, a).map((field) =>
        field === fieldLabels.types.fee ? `手数料 ${feeRuleText(b.fee)} → ${feeRuleText(a.fee)}` : field,
      ),
    ),
    ...listChanges("purposes", before.purposes, after.purposes, (b, a) => changedFields("purposes", b, a)),
    ...listChanges("exemptions", before.exemptions, after.exemptions, (b, a) =>
      changedFields("exemptions", b, a),
    ),
  ];
}
