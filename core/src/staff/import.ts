import { loginIdSchema } from "../auth/schemas.ts";
import { parseJapaneseDate, toHalfWidth } from "../common/wareki.ts";
import type { Assignment } from "./schemas.ts";

/**
 * 職員の一括登録 (C⑤): one row per staff member, the header naming the columns (any order).
 * 担当 holds the counter:role pairs separated by ";" so a row is a whole account and a login ID
 * twice in the file is a mistake, not a second assignment.
 */
export const staffImportColumns = {
  loginId: "ログインID",
  name: "氏名",
  department: "所属",
  assignments: "担当",
  validFrom: "有効開始日",
  validTo: "有効終了日",
} as const;
type Column = keyof typeof staffImportColumns;
const requiredColumns: readonly Column[] = ["loginId", "name", "assignments"];

export const staffImportTemplate = [
  Object.values(staffImportColumns).join(","),
  "shimin02,出雲 太郎,市民課,shimin:residentClerk,2027-04-01,",
  'hoken02,髙﨑 花子,保険年金課,"hokennenkin:insuranceClerk;shimin:residentClerk",2027-04-01,2028-03-31',
].join("\r\n");

/** Enough for a city several times 出雲市's 550 staff, small enough to check in one request. */
export const staffImportMaxRows = 5000;
export const staffImportMaxBytes = 2 * 1024 * 1024;

export interface ImportRecord {
  record: readonly string[];
  /** 1-based line of the file */
  line: number;
}

export interface ImportProblem {
  line: number;
  column: string | null;
  loginId: string | null;
  reason: string;
}

export interface ImportRow {
  line: number;
  loginId: string;
  name: string;
  department: string | null;
  assignments: Assignment[];
  /** null: today for a new account, unchanged for an existing one */
  validFrom: string | null;
  validTo: string | null;
}

export interface ImportKnown {
  /** counters in use (active) */
  counters: ReadonlySet<string>;
  /** deactivated counters, named apart so the reason says so */
  inactiveCounters: ReadonlySet<string>;
  roles: ReadonlySet<string>;
}

/** Reads the file's records (header first) into rows, each bad row reported by line and column. */
export function readStaffImport(
  records: readonly ImportRecord[],
  known: ImportKnown,
): { rows: ImportRow[]; problems: ImportProblem[]; fileError: string | null } {
  const body = records.filter((r) => r.record.some((cell) => cell.trim() !== ""));
  const [header, ...data] = body;
  if (!header) return { rows: [], problems: [], fileError: "見出し行がありません（空のファイルです）" };
  const at = new Map<Column, number>();
  header.record.forEach((title, index) => {
    const trimmed = title.replace(/^\uFEFF/, "").trim();
    const column = (Object.keys(staffImportColumns) as Column[]).find(
      (c) => staffImportColumns[c] === trimmed,
    );
    if (column && !at.has(column)) at.set(column, index);
  });
  const missing = requiredColumns.filter((c) => !at.has(c)).map((c) => staffImportColumns[c]);
  if (missing.length > 0)
    return {
      rows: [],
      problems: [],
      fileError: `見出し行に必要な列がありません: ${missing.join("、")}（見出しは ${Object.values(staffImportColumns).join(",")}）`,
    };
  if (data.length > staffImportMaxRows)
    return {
      rows: [],
      problems: [],
      fileError: `行数が多すぎます（${data.length} 行）。1回に取り込めるのは ${staffImportMaxRows} 行までです`,
    };

  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, line } of data) {
    const cell = (c: Column) => {
      const index = at.get(c);
      return index === undefined ? "" : (record[index] ?? "").trim();
    };
    const rawLogin = cell("loginId");
    const found: ImportProblem[] = [];
    const problem = (c: Column, reason: string) =>
      found.push({ line, column: staffImportColumns[c], loginId: rawLogin || null, reason });

    const login = loginIdSchema.safeParse(toHalfWidth(rawLogin));
    if (!login.success) problem("loginId", login.error.issues[0]?.message ?? "ログインIDが正しくありません");
    else {
      const earlier = firstLineOf.get(login.data.toLowerCase());
      if (earlier !== undefined)
        problem("loginId", `ログインID「${login.data}」が ${earlier} 行目にもあります`);
      else firstLineOf.set(login.data.toLowerCase(), line);
    }
    const name = cell("name");
    if (!name) problem("name", "氏名がありません");
    else if ([...name].length > 60) problem("name", "氏名は60文字以内です");
    const department = cell("department");
    if ([...department].length > 60) problem("department", "所属は60文字以内です");

    const assignments = readAssignments(cell("assignments"), known, (reason) =>
      problem("assignments", reason),
    );
    const validFrom = readDate(cell("validFrom"), (reason) => problem("validFrom", reason));
    const validTo = readDate(cell("validTo"), (reason) => problem("validTo", reason));
    if (validFrom && validTo && validTo < validFrom) problem("validTo", "有効終了日が有効開始日より前です");

    if (found.length > 0 || !login.success) {
      problems.push(...found);
      continue;
    }
    rows.push({
      line,
      loginId: login.data,
      name,
      department: department || null,
      assignments,
      validFrom,
      validTo,
    });
  }
  return { rows, problems, fileError: null };
}

function readAssignments(text: string, known: ImportKnown, problem: (reason: string) => void): Assignment[] {
  const pairs = toHalfWidth(text)
    .replace(/；/g, ";")
    .replace(/：/g, ":")
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean);
  if (pairs.length === 0) {
    problem("担当がありません（窓口ID:ロールID の形で、複数は ; で区切ります）");
    return [];
  }
  const assignments: Assignment[] = [];
  for (const pair of pairs) {
    const [counterId = "", roleId = "", ...rest] = pair.split(":").map((p) => p.trim());
    if (!counterId || !roleId || rest.length > 0) {
      problem(`「${pair}」は 窓口ID:ロールID の形ではありません`);
      continue;
    }
    if (known.inactiveCounters.has(counterId)) problem(`窓口「${counterId}」は使用停止中です`);
    else if (!known.counters.has(counterId)) problem(`窓口ID「${counterId}」はありません`);
    else if (!known.roles.has(roleId)) problem(`ロールID「${roleId}」はありません`);
    else if (!assignments.some((a) => a.counterId === counterId && a.roleId === roleId))
      assignments.push({ counterId, roleId });
  }
  return assignments;
}

function readDate(text: string, problem: (reason: string) => void): string | null {
  if (!text) return null;
  const parsed = parseJapaneseDate(text);
  if (!parsed.ok) problem(parsed.message);
  else if (parsed.precision !== "day") problem(`「${text}」は日まで書いてください（例: 2027-04-01）`);
  else return parsed.date;
  return null;
}

export interface ExistingAccount {
  loginId: string;
  name: string;
  department: string | null;
  validFrom: string;
  validTo: string | null;
  disabled: boolean;
  assignments: readonly Assignment[];
}

export interface FieldChange {
  field: "name" | "department" | "validFrom" | "validTo" | "assignments" | "disabled";
  label: string;
  before: string;
  after: string;
}

export interface ImportPlan {
  adds: ImportRow[];
  changes: { line: number; loginId: string; name: string; fields: FieldChange[]; row: ImportRow }[];
  disables: { loginId: string; name: string }[];
  unchanged: number;
  problems: ImportProblem[];
}

const fieldLabels: Record<FieldChange["field"], string> = {
  name: "氏名",
  department: "所属",
  validFrom: "有効開始日",
  validTo: "有効終了日",
  assignments: "担当",
  disabled: "状態",
};

export const assignmentsText = (assignments: readonly Assignment[]) =>
  [...assignments]
    .map((a) => `${a.counterId}:${a.roleId}`)
    .sort()
    .join(";");

/**
 * What applying the rows would do to the accounts: new ones, changed ones (each field before →
 * after; a disabled account in the file is enabled again), and with `disableAbsent` the active
 * accounts missing from the file, never the administrator's own.
 */
export function planStaffImport(
  rows: readonly ImportRow[],
  problems: readonly ImportProblem[],
  existing: readonly ExistingAccount[],
  options: { disableAbsent: boolean; today: string; actorLoginId: string },
): ImportPlan {
  const byLogin = new Map(existing.map((e) => [e.loginId.toLowerCase(), e]));
  const plan: ImportPlan = { adds: [], changes: [], disables: [], unchanged: 0, problems: [...problems] };
  const inFile = new Set<string>(problems.flatMap((p) => (p.loginId ? [p.loginId.toLowerCase()] : [])));
  for (const row of rows) {
    inFile.add(row.loginId.toLowerCase());
    const current = byLogin.get(row.loginId.toLowerCase());
    if (!current) {
      plan.adds.push({ ...row, validFrom: row.validFrom ?? options.today });
      continue;
    }
    const after = {
      name: row.name,
      department: row.department ?? "",
      validFrom: row.validFrom ?? current.validFrom,
      validTo: row.validTo ?? "",
      assignments: assignmentsText(row.assignments),
      disabled: "有効",
    };
    const before = {
      name: current.name,
      department: current.department ?? "",
      validFrom: current.validFrom,
      validTo: current.validTo ?? "",
      assignments: assignmentsText(current.assignments),
      disabled: current.disabled ? "無効" : "有効",
    };
    const fields = (Object.keys(fieldLabels) as FieldChange["field"][])
      .filter((f) => before[f] !== after[f])
      .map((f) => ({ field: f, label: fieldLabels[f], before: before[f], after: after[f] }));
    if (fields.length === 0) plan.unchanged++;
    else
      plan.changes.push({
        line: row.line,
        loginId: current.loginId,
        name: row.name,
        fields,
        row: { ...row, validFrom: after.validFrom },
      });
  }
  if (options.disableAbsent)
    for (const e of existing)
      if (!e.disabled && !inFile.has(e.loginId.toLowerCase()) && e.loginId !== options.actorLoginId)
        plan.disables.push({ loginId: e.loginId, name: e.name });
  return plan;
}
