import { describe, expect, it } from "vitest";
import { type ExistingAccount, planStaffImport, readStaffImport, staffImportTemplate } from "./import.ts";

const known = {
  counters: new Set(["shimin", "hokennenkin"]),
  inactiveCounters: new Set(["closed"]),
  roles: new Set(["residentClerk", "insuranceClerk"]),
};
const header = ["ログインID", "氏名", "所属", "担当", "有効開始日", "有効終了日"];
const records = (...rows: string[][]) => [header, ...rows].map((record, i) => ({ record, line: i + 1 }));

describe("readStaffImport", () => {
  it("reads rows, 和暦 and full-width dates, several assignments and names with 髙/﨑 as written", () => {
    const { rows, problems, fileError } = readStaffImport(
      records(
        [
          "shimin02",
          "髙﨑 花子",
          "市民課",
          "shimin:residentClerk; hokennenkin：insuranceClerk",
          "２０２７－０４－０１",
          "",
        ],
        ["hoken02", "出雲 太郎", "", "hokennenkin:insuranceClerk", "R9.4.1", "令和10年3月31日"],
      ),
      known,
    );
    expect(fileError).toBeNull();
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        loginId: "shimin02",
        name: "髙﨑 花子",
        department: "市民課",
        assignments: [
          { counterId: "shimin", roleId: "residentClerk" },
          { counterId: "hokennenkin", roleId: "insuranceClerk" },
        ],
        validFrom: "2027-04-01",
        validTo: null,
      },
      {
        line: 3,
        loginId: "hoken02",
        name: "出雲 太郎",
        department: null,
        assignments: [{ counterId: "hokennenkin", roleId: "insuranceClerk" }],
        validFrom: "2027-04-01",
        validTo: "2028-03-31",
      },
    ]);
  });

  it("reports each bad row by line and column in Japanese and keeps the good rows", () => {
    const { rows, problems } = readStaffImport(
      records(
        ["ok01", "良い 行", "", "shimin:residentClerk", "", ""],
        ["bad01", "", "", "nowhere:residentClerk", "2027-02-30", ""],
        ["ok01", "重複 行", "", "shimin:residentClerk", "", ""],
        ["bad02", "ロール 誤り", "", "shimin:mayor;closed:residentClerk", "", ""],
        ["bad 03", "ID 誤り", "", "shimin", "2027-04-01", "2027-03-31"],
        ["", "", "", "", "", ""],
      ),
      known,
    );
    expect(rows.map((r) => r.loginId)).toEqual(["ok01"]);
    expect(problems).toEqual([
      { line: 3, column: "氏名", loginId: "bad01", reason: "氏名がありません" },
      {
        line: 3,
        column: "担当",
        loginId: "bad01",
        reason: "窓口ID「nowhere」はありません",
      },
      { line: 3, column: "有効開始日", loginId: "bad01", reason: "「2027-02-30」は存在しない日付です" },
      { line: 4, column: "ログインID", loginId: "ok01", reason: "ログインID「ok01」が 2 行目にもあります" },
      { line: 5, column: "担当", loginId: "bad02", reason: "ロールID「mayor」はありません" },
      { line: 5, column: "担当", loginId: "bad02", reason: "窓口「closed」は使用停止中です" },
      {
        line: 6,
        column: "ログインID",
        loginId: "bad 03",
        reason: "ログインIDは半角英数字と . _ @ - で入力してください",
      },
      {
        line: 6,
        column: "担当",
        loginId: "bad 03",
        reason: "「shimin」は 窓口ID:ロールID の形ではありません",
      },
      { line: 6, column: "有効終了日", loginId: "bad 03", reason: "有効終了日が有効開始日より前です" },
    ]);
  });

  it("refuses a file without the required columns or with too many rows", () => {
    expect(readStaffImport([{ record: ["ID", "名前"], line: 1 }], known).fileError).toBe(
      "見出し行に必要な列がありません: ログインID、氏名、担当（見出しは ログインID,氏名,所属,担当,有効開始日,有効終了日）",
    );
    expect(readStaffImport([], known).fileError).toBe("見出し行がありません（空のファイルです）");
    const many = Array.from({ length: 5001 }, (_, i) => [`u${i}`, "名", "", "shimin:residentClerk", "", ""]);
    expect(readStaffImport(records(...many), known).fileError).toBe(
      "行数が多すぎます（5001 行）。1回に取り込めるのは 5000 行までです",
    );
  });

  it("offers a template whose header it reads", () => {
    const lines = staffImportTemplate.split("\r\n").slice(0, 2);
    const { rows, problems } = readStaffImport(
      lines.map((l, i) => ({ record: l.split(","), line: i + 1 })),
      known,
    );
    expect(problems).toEqual([]);
    expect(rows[0]?.loginId).toBe("shimin02");
  });
});

describe("planStaffImport", () => {
  const existing: ExistingAccount[] = [
    {
      loginId: "moved01",
      name: "異動 一郎",
      department: "市民課",
      validFrom: "2020-04-01",
      validTo: null,
      disabled: false,
      assignments: [{ counterId: "shimin", roleId: "residentClerk" }],
    },
    {
      loginId: "same01",
      name: "同じ 二郎",
      department: null,
      validFrom: "2020-04-01",
      validTo: null,
      disabled: false,
      assignments: [{ counterId: "shimin", roleId: "residentClerk" }],
    },
    {
      loginId: "left01",
      name: "退職 三郎",
      department: null,
      validFrom: "2020-04-01",
      validTo: null,
      disabled: false,
      assignments: [],
    },
    {
      loginId: "admin",
      name: "管理 一郎",
      department: null,
      validFrom: "2020-04-01",
      validTo: null,
      disabled: false,
      assignments: [],
    },
    {
      loginId: "badrow",
      name: "誤り 四郎",
      department: null,
      validFrom: "2020-04-01",
      validTo: null,
      disabled: false,
      assignments: [],
    },
  ];
  const read = readStaffImport(
    records(
      ["new01", "新規 花子", "", "shimin:residentClerk", "", ""],
      ["moved01", "異動 一郎", "保険年金課", "hokennenkin:insuranceClerk", "", "2028-03-31"],
      ["same01", "同じ 二郎", "", "shimin:residentClerk", "", ""],
      ["badrow", "", "", "shimin:residentClerk", "", ""],
    ),
    known,
  );

  it("lists adds, changes field by field, unchanged rows and the bad rows", () => {
    const plan = planStaffImport(read.rows, read.problems, existing, {
      disableAbsent: false,
      today: "2027-03-20",
      actorLoginId: "admin",
    });
    expect(plan.adds.map((a) => [a.loginId, a.validFrom])).toEqual([["new01", "2027-03-20"]]);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]?.fields).toEqual([
      { field: "department", label: "所属", before: "市民課", after: "保険年金課" },
      { field: "validTo", label: "有効終了日", before: "", after: "2028-03-31" },
      {
        field: "assignments",
        label: "担当",
        before: "shimin:residentClerk",
        after: "hokennenkin:insuranceClerk",
      },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.disables).toEqual([]);
    expect(plan.problems.map((p) => [p.line, p.column])).toEqual([[5, "氏名"]]);
  });

  it("with disableAbsent, disables active accounts missing from the file, never the administrator's own nor a bad row's", () => {
    const plan = planStaffImport(read.rows, read.problems, existing, {
      disableAbsent: true,
      today: "2027-03-20",
      actorLoginId: "admin",
    });
    expect(plan.disables).toEqual([{ loginId: "left01", name: "退職 三郎" }]);
  });

  it("enables a disabled account that is in the file", () => {
    const plan = planStaffImport(
      read.rows.filter((r) => r.loginId === "same01"),
      [],
      existing.map((e) => (e.loginId === "same01" ? { ...e, disabled: true } : e)),
      { disableAbsent: false, today: "2027-03-20", actorLoginId: "admin" },
    );
    expect(plan.changes[0]?.fields).toEqual([
      { field: "disabled", label: "状態", before: "無効", after: "有効" },
    ]);
  });
});
