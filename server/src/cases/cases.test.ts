import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { japanDate } from "@ichimado/core/common/dates";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwner } from "../db/owner.ts";
import { insertHouseholds } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
const today = japanDate(new Date());

async function call(who: string, method: "GET" | "POST" | "PUT" | "DELETE", url: string, body?: unknown) {
  return t.call(method, url, { cookie: cookies[who], ...(body === undefined ? {} : { body }) });
}

async function newCase(who: string): Promise<number> {
  const res = await call(who, "POST", "/api/v1/cases", { channel: "visit" });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

async function detail(who: string, id: number): Promise<CaseDetail> {
  const res = await call(who, "GET", `/api/v1/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDetail;
}

const kokuho = {
  programme: "nationalHealthInsurance",
  role: "insured",
  attributes: { insuredNumber: "1234" },
};
// 山田家: head 40 and spouse 38 in 国保, children 10 and 6 for whom the head receives 児童手当 and who
// have 子ども医療; 佐藤家: the same people without any enrollment.
const family = (prefix: string, id: string, withEnrollments: boolean) => ({
  id,
  townCode: "T001",
  lot: "1-2-3",
  members: [
    {
      id: `${prefix}01`,
      name: "山田　太郎",
      nameKana: "ヤマダ　タロウ",
      birthDate: "1986-05-10",
      sex: "male" as const,
      relationship: "世帯主",
      enrollments: withEnrollments
        ? [kokuho, { programme: "childAllowance", role: "recipient", attributes: { childCount: 2 } }]
        : [],
    },
    {
      id: `${prefix}02`,
      name: "山田　花子",
      nameKana: "ヤマダ　ハナコ",
      birthDate: "1988-02-01",
      sex: "female" as const,
      relationship: "妻",
      enrollments: withEnrollments ? [kokuho] : [],
    },
    ...[
      [`${prefix}03`, "山田　一郎", "ヤマダ　イチロウ", "2016-06-01"],
      [`${prefix}04`, "山田　次郎", "ヤマダ　ジロウ", "2020-01-15"],
    ].map(([pid, name, kana, birth]) => ({
      id: pid as string,
      name: name as string,
      nameKana: kana as string,
      birthDate: birth as string,
      sex: "male" as const,
      relationship: "子",
      enrollments: withEnrollments
        ? [
            kokuho,
            { programme: "childAllowance", role: "subjectChild", holder: `${prefix}01` },
            { programme: "childMedical", role: "recipient" },
          ]
        : [],
    })),
  ],
});

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, [
    family("90000000", "H900", true),
    family("91000000", "H910", false),
    { ...family("92000000", "H920", false), supportMeasure: true },
    { ...family("93000000", "H930", false), supportMeasure: true },
  ]);
  cookies.shimin = await t.loginAt("shimin1", "shimin", "residentClerk");
  cookies.hoken = await t.loginAt("hoken1", "hokennenkin", "insuranceClerk");
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const moveOut = (household: string, prefix: string) => ({
  kind: "moveOut",
  householdId: household,
  occurredOn: today,
  movingPersonIds: ["01", "02", "03", "04"].map((n) => `${prefix}${n}`),
  outsideAddress: "島根県松江市殿町1番地",
});

describe("a move-out derives the household's procedures", () => {
  it("a 4-person household with 国保, 児童手当 and 子ども医療 gets each programme's procedure", async () => {
    const id = await newCase("shimin");
    const res = await call(
      "shimin",
      "POST",
      `/api/v1/cases/${id}/residence-changes`,
      moveOut("H900", "90000000"),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { procedures } = await detail("shimin", id);
    const programmes = new Set(procedures.map((p) => p.programme));
    for (const p of ["residency", "nationalHealthInsurance", "childAllowance", "childMedical"]) {
      expect(programmes, p).toContain(p);
    }
    expect(procedures.every((p) => p.reasons.length > 0 && p.status === "notStarted")).toBe(true);
    // 市民課 takes the 転出届 itself and refers the visitor for 国保.
    expect(procedures.find((p) => p.programme === "residency")?.handling).toBe("handledHere");
    const nhi = procedures.find((p) => p.programme === "nationalHealthInsurance");
    expect(nhi?.handling).toBe("referred");
    expect(nhi?.counter.name).toBe("保険年金課");
  });

  it("the same household without enrollments gets none of those programmes", async () => {
    const id = await newCase("shimin");
    const res = await call(
      "shimin",
      "POST",
      `/api/v1/cases/${id}/residence-changes`,
      moveOut("H910", "91000000"),
    );
    expect(res.statusCode, res.body).toBe(201);
    const programmes = new Set((await detail("shimin", id)).procedures.map((p) => p.programme));
    expect(programmes).toContain("residency");
    for (const p of ["nationalHealthInsurance", "childAllowance", "childMedical"])
      expect(programmes).not.toContain(p);
  });

  it("refuses a household that loses its head without a new one, and a far-future date", async () => {
    const id = await newCase("shimin");
    const headOnly = await call("shimin", "POST", `/api/v1/cases/${id}/residence-changes`, {
      ...moveOut("H910", "91000000"),
      movingPersonIds: ["9100000001"],
    });
    expect(headOnly.statusCode).toBe(400);
    expect(headOnly.json().error.issues).toContainEqual(expect.objectContaining({ path: "newHeadId" }));
    const future = await call("shimin", "POST", `/api/v1/cases/${id}/residence-changes`, {
      ...moveOut("H910", "91000000"),
      occurredOn: "2099-01-01",
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain("転出予定日");
    expect((await detail("shimin", id)).residenceChanges).toHaveLength(0);
  });
});

describe("a case is left at one counter and resumed at another", () => {
  it("records both staff members and counters in its history", async () => {
    const id = await newCase("shimin");
    expect(
      (await call("shimin", "POST", `/api/v1/cases/${id}/residence-changes`, moveOut("H900", "90000000")))
        .statusCode,
    ).toBe(201);
    expect(
      (await call("shimin", "POST", `/api/v1/cases/${id}/memos`, { text: "保険年金課へ案内" })).statusCode,
    ).toBe(201);
    expect((await call("shimin", "POST", `/api/v1/cases/${id}/suspend`)).statusCode).toBe(200);
    // A suspended case takes no step until someone resumes it.
    expect((await call("hoken", "POST", `/api/v1/cases/${id}/memos`, { text: "x" })).statusCode).toBe(409);
    const listed = await call("hoken", "GET", "/api/v1/cases?counter=all&status=suspended");
    expect((listed.json() as { cases: { id: number }[] }).cases.map((c) => c.id)).toContain(id);
    expect((await call("hoken", "POST", `/api/v1/cases/${id}/resume`)).statusCode).toBe(200);

    const before = await detail("hoken", id);
    const nhi = before.procedures.find((p) => p.programme === "nationalHealthInsurance");
    expect(nhi?.handling).toBe("handledHere");
    const refused = await call("shimin", "PUT", `/api/v1/cases/${id}/procedures/${nhi?.id}/status`, {
      status: "received",
    });
    expect(refused.statusCode).toBe(403);
    const accepted = await call("hoken", "PUT", `/api/v1/cases/${id}/procedures/${nhi?.id}/status`, {
      status: "received",
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const after = await detail("hoken", id);
    const counters = new Set(after.history.map((h) => h.counterName));
    const staff = new Set(after.history.map((h) => h.staffName));
    expect(counters).toEqual(new Set(["市民課", "保険年金課"]));
    expect(staff).toEqual(new Set(["テスト shimin1", "テスト hoken1"]));
    expect(after.history.map((h) => h.kind)).toEqual(
      expect.arrayContaining(["opened", "residenceChange", "memo", "suspend", "resume", "procedureStatus"]),
    );
    expect(after.procedures.find((p) => p.id === nhi?.id)?.updated.counterName).toBe("保険年金課");
    // Closing needs every procedure settled.
    const close = await call("hoken", "POST", `/api/v1/cases/${id}/close`);
    expect(close.statusCode).toBe(409);
  });
});

describe("the visitor", () => {
  it("keeps corrections with the case and never changes the register", async () => {
    const id = await newCase("shimin");
    const res = await call("shimin", "PUT", `/api/v1/cases/${id}/visitor`, {
      personId: "9000000001",
      name: "山田　太郎",
      nameKana: "ヤマダ　タロウ",
      birthDate: "1986-05-11",
      address: "出雲市今市町9-9-9",
      relation: "self",
    });
    expect(res.statusCode, res.body).toBe(200);
    const { visitor } = await detail("shimin", id);
    expect(visitor?.corrections.map((c) => c.field).sort()).toEqual(["address", "birthDate"]);
    expect(visitor?.corrections.find((c) => c.field === "birthDate")?.registerValue).toBe("1986-05-10");
    const person = await t.ctx.db
      .selectFrom("person")
      .select(["birth_date", "lot"])
      .where("id", "=", "9000000001")
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ birth_date: "1986-05-10", lot: "1-2-3" });
  });

  it("flags a proxy without a delegation letter, and not one with it", async () => {
    const id = await newCase("shimin");
    const proxy = { name: "鈴木　一", relation: "proxy", relationDetail: "知人" };
    expect((await call("shimin", "PUT", `/api/v1/cases/${id}/visitor`, proxy)).statusCode).toBe(200);
    expect((await detail("shimin", id)).visitor?.warnings.join()).toContain("委任状");
    await call("shimin", "PUT", `/api/v1/cases/${id}/visitor`, {
      ...proxy,
      authorityDocument: "delegationLetter",
    });
    expect((await detail("shimin", id)).visitor?.warnings).toEqual([]);
  });

  it("judges identity documents: one photo ID, or two with at least one (イ)", async () => {
    const id = await newCase("shimin");
    const check = async (documents: string[]) =>
      (await call("shimin", "PUT", `/api/v1/cases/${id}/identity`, { documents })).json() as {
        sufficient: boolean;
      };
    expect((await check(["driversLicense"])).sufficient).toBe(true);
    expect((await check(["studentCard", "bankCard"])).sufficient).toBe(false);
    expect((await check(["pensionBook", "bankCard"])).sufficient).toBe(true);
    const bad = await call("shimin", "PUT", `/api/v1/cases/${id}/identity`, { documents: ["libraryCard"] });
    expect(bad.statusCode).toBe(400);
  });
});

describe("支援措置 in a case", () => {
  it("masks a protected household's addresses for a role without the right, in every field", async () => {
    const id = await newCase("shimin");
    await call("shimin", "PUT", `/api/v1/cases/${id}/visitor`, {
      personId: "9200000001",
      name: "山田　太郎",
      address: "出雲市今市町1-2-3",
      relation: "self",
    });
    await call("shimin", "POST", `/api/v1/cases/${id}/subjects`, { personId: "9200000002" });
    const res = await call("shimin", "POST", `/api/v1/cases/${id}/residence-changes`, {
      ...moveOut("H920", "92000000"),
      outsideAddress: "島根県浜田市殿町99番地",
    });
    expect(res.statusCode, res.body).toBe(201);
    const raw = (await call("shimin", "GET", `/api/v1/cases/${id}`)).body;
    expect(raw).not.toContain("浜田市");
    expect(raw).not.toContain("今市町");
    expect(raw).not.toContain("1-2-3");
  });
});

describe("支援措置 once the household has left the register", () => {
  it("keeps the 転出先 hidden after the feed that records the move", async () => {
    const id = (await call("shimin", "POST", "/api/v1/cases", { channel: "mailIntake" })).json().id as number;
    const res = await call("shimin", "POST", `/api/v1/cases/${id}/residence-changes`, {
      ...moveOut("H930", "93000000"),
      outsideAddress: "島根県浜田市殿町99番地",
    });
    expect(res.statusCode, res.body).toBe(201);
    // The next feed: every member has moved out, and the household row is gone with them.
    await withOwner(t.database.ownerUrl, async (db) => {
      await sql`update person set status = 'movedOut', outside_address = '島根県浜田市殿町99番地'
        where household_id = 'H930'`.execute(db);
      await sql`delete from household where id = 'H930'`.execute(db);
    });
    const raw = (await call("shimin", "GET", `/api/v1/cases/${id}`)).body;
    expect(raw).not.toContain("浜田市");
    expect((await detail("shimin", id)).residenceChanges[0]?.newAddress).toEqual({
      text: null,
      masked: true,
    });
  });

  it("does not compare a visitor's stated address with a protected one the clerk may not see", async () => {
    const id = await newCase("shimin");
    const statedAs = async (address: string) => {
      const res = await call("shimin", "PUT", `/api/v1/cases/${id}/visitor`, {
        personId: "9200000001",
        name: "山田　太郎",
        address,
        relation: "self",
      });
      expect(res.statusCode, res.body).toBe(200);
      const shown = await detail("shimin", id);
      return { corrections: shown.visitor?.corrections, history: shown.history.at(-1)?.summary };
    };
    // A right guess and a wrong one look the same: neither is compared.
    const right = await statedAs("出雲市今市町1-2-3");
    const wrong = await statedAs("出雲市大津町9-9-9");
    expect(right).toEqual(wrong);
    expect(wrong.corrections).toEqual([]);
    expect(wrong.history).not.toContain("住所");
  });
});

describe("audit", () => {
  it("records who listed cases, with the persons the list names", async () => {
    const id = await newCase("shimin");
    await call("shimin", "POST", `/api/v1/cases/${id}/subjects`, { personId: "9100000002" });
    const res = await call("shimin", "GET", "/api/v1/cases?status=active");
    expect(res.statusCode, res.body).toBe(200);
    const row = await t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "person_ids", "detail"])
      .where("target", "=", "case-list")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(row.action).toBe("case.read");
    expect(row.person_ids).toContain("9100000002");
    expect(row.detail).toMatchObject({ query: { status: "active" } });
  });

  it("records case reads and steps with the persons involved", async () => {
    const id = await newCase("shimin");
    await call("shimin", "POST", `/api/v1/cases/${id}/subjects`, { personId: "9000000003" });
    await detail("shimin", id);
    const rows = await t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "person_ids"])
      .where("target", "=", `case:${id}`)
      .orderBy("seq")
      .execute();
    expect(rows.map((r) => r.action)).toEqual(["case.change", "case.change", "case.read"]);
    expect(rows[2]?.person_ids).toContain("9000000003");
  });
});

describe("other households at the same address", () => {
  const sameAddress = async (id: string) => {
    const res = await call("shimin", "GET", `/api/v1/persons/${id}/same-address`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { persons: { id: string; householdId: string }[] }).persons;
  };

  it("lists the other households there, but never a protected one to a role that may not see it", async () => {
    const households = new Set((await sameAddress("9000000001")).map((p) => p.householdId));
    expect(households).toEqual(new Set(["H910"]));
    expect(await sameAddress("9200000001")).toEqual([]);
  });
});

describe("a household by its number", () => {
  it("lists the members head first, and masks a protected household's address", async () => {
    const res = await call("shimin", "GET", "/api/v1/households/H900");
    expect(res.statusCode, res.body).toBe(200);
    const household = res.json() as {
      headName: string;
      members: { id: string }[];
      address: { text: string };
    };
    expect(household.members.map((m) => m.id)).toEqual([
      "9000000001",
      "9000000002",
      "9000000003",
      "9000000004",
    ]);
    expect(household.address.text).toContain("今市町");
    const protectedOne = await call("shimin", "GET", "/api/v1/households/H920");
    expect(protectedOne.body).not.toContain("今市町");
    expect((await call("shimin", "GET", "/api/v1/households/NOPE")).statusCode).toBe(404);
  });
});

describe("navigation answers", () => {
  it("asks the event's questions, adds the procedure an answer calls for and removes it again", async () => {
    const id = await newCase("shimin");
    const birth = await call("shimin", "POST", `/api/v1/cases/${id}/residence-changes`, {
      kind: "birth",
      householdId: "H910",
      occurredOn: today,
      newPersons: [
        {
          name: "山田　三郎",
          nameKana: "ヤマダ　サブロウ",
          birthDate: today,
          sex: "male",
          relationship: "子",
        },
      ],
    });
    expect(birth.statusCode, birth.body).toBe(201);
    const { residenceChangeId } = birth.json() as { residenceChangeId: number };
    const state = async () => {
      const d = await detail("shimin", id);
      return {
        questions: d.residenceChanges[0]?.questions.map((q) => q.key) ?? [],
        keys: d.procedures.map((p) => p.key),
      };
    };
    const before = await state();
    expect(before.questions).toContain("birthWeightUnder2500");
    expect(before.keys).not.toContain("low-birth-weight-notice");

    const answer = (answers: Record<string, string | null>) =>
      call("shimin", "PUT", `/api/v1/cases/${id}/residence-changes/${residenceChangeId}/answers`, {
        answers,
      });
    const yes = await answer({ birthWeightUnder2500: "yes" });
    expect(yes.statusCode, yes.body).toBe(200);
    expect((yes.json() as { added: number }).added).toBeGreaterThan(0);
    const after = await state();
    expect(after.keys).toContain("low-birth-weight-notice");
    expect(after.questions).toContain("birthWeightGrams");

    expect((await answer({ birthWeightUnder2500: "maybe" })).statusCode).toBe(400);
    expect((await answer({ noSuchQuestion: "yes" })).statusCode).toBe(400);

    const no = await answer({ birthWeightUnder2500: "no" });
    expect((no.json() as { removed: number }).removed).toBeGreaterThan(0);
    const last = await state();
    expect(last.keys).not.toContain("low-birth-weight-notice");
    expect(last.questions).not.toContain("birthWeightGrams");
    expect((await detail("shimin", id)).history.map((h) => h.kind)).toContain("answers");
  });
});
