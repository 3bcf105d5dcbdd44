import { describe, expect, it } from "vitest";
import { defaultProcedures, defaultQuestions } from "./default-catalog.ts";
import { deriveProcedures } from "./derive.ts";
import { describeCondition } from "./describe.ts";
import { evaluateCondition } from "./evaluate.ts";
import { questionsToAsk, validateAnswer } from "./navigation.ts";
import type { ProcedureDefinition } from "./procedures.ts";
import { type QuestionDefinition, questionDefinitionSchema } from "./questions.ts";
import type { Condition, DerivationFacts, MemberFacts } from "./rules.ts";
import { allMoving, enrolled, factsOf, person } from "./testing.ts";

const date = "2026-10-01";
const byKey = new Map(defaultProcedures.map((d) => [d.key, d]));
const definitionsOf = (keys: string[]): ProcedureDefinition[] =>
  keys.map((key) => byKey.get(key) as ProcedureDefinition);

/** What navigation shows after deriving: the questions for the derived list. */
function navigate(facts: DerivationFacts): { procedures: string[]; questions: string[] } {
  const derived = deriveProcedures(defaultProcedures, facts);
  const keys = [...new Set(derived.map((d) => d.key))];
  return {
    procedures: keys,
    questions: questionsToAsk(defaultQuestions, definitionsOf(keys), facts).map((q) => q.key),
  };
}

const family = (): MemberFacts[] =>
  allMoving([
    person("伊藤 健", "1991-01-01", { isHead: true, hasMyNumberCard: true }),
    person("伊藤 綾", "1993-02-02"),
    person("伊藤 凛", "2023-01-01"),
  ]);
const moveIn = (answers: Record<string, string> = {}) =>
  factsOf("moveIn", date, family(), { origin: "otherMunicipality", answers });

const question = (
  key: string,
  askWhen: Condition | null,
  extra: Partial<QuestionDefinition> = {},
): QuestionDefinition =>
  questionDefinitionSchema.parse({
    key,
    text: key,
    label: `${key}の確認`,
    answerKind: "yesNo",
    askWhen,
    ...extra,
  });

describe("questionsToAsk", () => {
  it("asks the questions of the event, not those of other events", () => {
    const { questions } = navigate(moveIn());
    expect(questions).toEqual(
      expect.arrayContaining(["workplaceInsurance", "pregnant", "hasDog", "publicServant", "nurseryWanted"]),
    );
    for (const other of ["birthWeightUnder2500", "pensionRecipient", "movingAbroad", "cardBasedMoveOut"])
      expect(questions).not.toContain(other);
  });

  it("a follow-up appears with the answer it depends on and disappears when that answer changes", () => {
    expect(navigate(moveIn()).questions).not.toContain("previousInsuranceType");
    expect(navigate(moveIn({ workplaceInsurance: "no" })).questions).toContain("previousInsuranceType");
    expect(navigate(moveIn({ workplaceInsurance: "yes" })).questions).not.toContain("previousInsuranceType");
    // Follow-ups come right after what they follow only when the catalog puts them there.
    const asked = navigate(moveIn({ workplaceInsurance: "no" })).questions;
    expect(asked.indexOf("previousInsuranceType")).toBe(asked.indexOf("workplaceInsurance") + 1);
  });

  it("a chain of follow-ups: handbook → grade; birth weight → grams and hospitalisation", () => {
    expect(navigate(moveIn({ hasDisabilityHandbook: "yes" })).questions).toContain("severeDisabilityGrade");
    expect(navigate(moveIn({ hasDisabilityHandbook: "no" })).questions).not.toContain(
      "severeDisabilityGrade",
    );
    const birth = (answers: Record<string, string>) =>
      factsOf(
        "birth",
        date,
        [person("父", "1990-01-01", { isHead: true }), person("子", date, { moving: true })],
        { answers },
      );
    expect(navigate(birth({})).questions).not.toContain("infantHospitalized");
    expect(navigate(birth({ birthWeightUnder2500: "yes" })).questions).toEqual(
      expect.arrayContaining(["birthWeightGrams", "infantHospitalized"]),
    );
  });

  it("asks the check items of the listed procedures after the navigation questions, each once", () => {
    const deceased = [
      person("佐藤 一郎", "1948-03-01", {
        isHead: true,
        moving: true,
        enrollments: [enrolled("nationalHealthInsurance")],
      }),
    ];
    const facts = factsOf("death", date, deceased);
    const asked = questionsToAsk(
      defaultQuestions,
      definitionsOf(["death-notice", "nhi-funeral-expenses", "late-elderly-funeral-expenses"]),
      facts,
    ).map((q) => q.key);
    expect(asked).toEqual(["pensionRecipient", "crematorium", "cremationDate", "funeralHost", "funeralDate"]);
  });

  it("skips unknown keys and check items whose askWhen does not hold", () => {
    const gated = question("gated", { kind: "answer", question: "first", values: ["yes"] });
    const plain = question("plain", null);
    const procedures = [{ questions: ["missing", "gated", "plain", "plain"] }];
    const facts = (answers: Record<string, string>) => factsOf("moveIn", date, family(), { answers });
    expect(questionsToAsk([gated, plain], procedures, facts({})).map((q) => q.key)).toEqual(["plain"]);
    expect(questionsToAsk([gated, plain], procedures, facts({ first: "yes" })).map((q) => q.key)).toEqual([
      "gated",
      "plain",
    ]);
  });

  it("a check item with no askWhen is never asked without its procedure", () => {
    const asked = questionsToAsk(defaultQuestions, [], moveIn()).map((q) => q.key);
    for (const q of defaultQuestions.filter((d) => d.askWhen === null)) expect(asked).not.toContain(q.key);
  });

  it("a procedure added by hand brings its check items into a case", () => {
    const asked = questionsToAsk(defaultQuestions, definitionsOf(["nhi-enrolment-job-loss"]), moveIn()).map(
      (q) => q.key,
    );
    expect(asked).toEqual(expect.arrayContaining(["previousInsuranceLossDate", "jobLossInvoluntary"]));
  });
});

describe("answers add and remove procedures", () => {
  it("answering 婚姻届 and a change of name brings the 戸籍 届出 and its consequences", () => {
    const household = allMoving([
      person("伊藤 健", "1991-01-01", {
        isHead: true,
        hasMyNumberCard: true,
        enrollments: [enrolled("nationalHealthInsurance"), enrolled("sealRegistration", "holder")],
      }),
    ]);
    const facts = (answers: Record<string, string>) => factsOf("moveWithin", date, household, { answers });
    const before = navigate(facts({}));
    expect(before.questions).toContain("familyRegisterNotice");
    expect(before.questions).not.toContain("surnameChange");
    expect(before.procedures).not.toContain("marriage-notice");

    const married = navigate(facts({ familyRegisterNotice: "marriage" }));
    expect(married.procedures).toContain("marriage-notice");
    expect(married.questions).toEqual(expect.arrayContaining(["surnameChange", "newSurname"]));
    expect(married.procedures).not.toContain("my-number-card-name-change");

    const renamed = navigate(facts({ familyRegisterNotice: "marriage", surnameChange: "yes" }));
    expect(renamed.procedures).toEqual(
      expect.arrayContaining([
        "marriage-notice",
        "my-number-card-name-change",
        "seal-registration-name-change",
        "nhi-name-change",
      ]),
    );
  });

  it("an answer adds a procedure (a dog, a 介護 certification, a nursery place)", () => {
    const without = navigate(moveIn()).procedures;
    const withAnswers = navigate(
      moveIn({ hasDog: "yes", careCertifiedElsewhere: "yes", nurseryWanted: "yes" }),
    ).procedures;
    for (const key of ["dog-registration-move-in", "ltc-certification-transfer", "nursery-application"]) {
      expect(without).not.toContain(key);
      expect(withAnswers).toContain(key);
    }
  });

  it("an answer removes a procedure (workplace insurance, a public servant's 児童手当)", () => {
    const base = navigate(moveIn()).procedures;
    expect(base).toEqual(expect.arrayContaining(["nhi-enrolment", "child-allowance-claim"]));
    const answered = navigate(moveIn({ workplaceInsurance: "yes", publicServant: "yes" })).procedures;
    expect(answered).not.toContain("nhi-enrolment");
    expect(answered).not.toContain("child-allowance-claim");
    // The question that removed the procedure stays asked, so the answer can be changed back.
    expect(navigate(moveIn({ publicServant: "yes" })).questions).toContain("publicServant");
  });

  it("an answer swaps one procedure for another (後期高齢 転出 within the prefecture)", () => {
    const elder = allMoving([
      person("高橋 ハル", "1945-02-02", { isHead: true, enrollments: [enrolled("lateElderlyMedical")] }),
    ]);
    const facts = (answers: Record<string, string>) => factsOf("moveOut", date, elder, { answers });
    expect(navigate(facts({})).questions).toContain("destinationInPrefecture");
    expect(navigate(facts({})).procedures).toContain("late-elderly-loss");
    const inside = navigate(facts({ destinationInPrefecture: "yes" })).procedures;
    expect(inside).toContain("late-elderly-move-within-prefecture");
    expect(inside).not.toContain("late-elderly-loss");
    const outside = navigate(facts({ destinationInPrefecture: "no" })).procedures;
    expect(outside).toEqual(expect.arrayContaining(["late-elderly-loss", "late-elderly-burden-certificate"]));
  });
});

describe("labels come from the question list", () => {
  const rule: Condition = { kind: "answer", question: "previousInsuranceType", values: ["employee"] };
  const facts = factsOf("moveIn", date, family(), { answers: { previousInsuranceType: "employee" } });

  it("reasons and descriptions use the question's label and the choice's label", () => {
    expect(evaluateCondition(rule, facts).reasons).toEqual([
      "「転入前に加入していた健康保険」に「職場の健康保険（退職・扶養から外れた）」と回答",
    ]);
    expect(describeCondition(rule)).toBe(
      "「転入前に加入していた健康保険」の答えが「職場の健康保険（退職・扶養から外れた）」の場合",
    );
  });

  it("an edited question list changes the words, and an empty one shows keys and values", () => {
    const edited = [
      question("previousInsuranceType", null, {
        label: "前の保険",
        answerKind: "choice",
        choices: [
          { value: "employee", label: "社保" },
          { value: "nhi", label: "国保" },
        ],
      }),
    ];
    expect(evaluateCondition(rule, facts, undefined, edited).reasons).toEqual([
      "「前の保険」に「社保」と回答",
    ]);
    expect(describeCondition(rule, edited)).toBe("「前の保険」の答えが「社保」の場合");
    expect(describeCondition(rule, [])).toBe("「previousInsuranceType」の答えが「employee」の場合");
    expect(
      deriveProcedures([{ ...(byKey.get("nhi-enrolment") as ProcedureDefinition), rule }], facts, edited)[0]
        ?.reasons,
    ).toEqual(["「前の保険」に「社保」と回答"]);
  });
});

describe("validateAnswer", () => {
  const yesNo = question("yn", null);
  const choice = question("ch", null, {
    answerKind: "choice",
    choices: [
      { value: "a", label: "甲" },
      { value: "b", label: "乙" },
    ],
  });

  it("yes/no and choices take only their values", () => {
    expect(validateAnswer(yesNo, "yes")).toBeNull();
    expect(validateAnswer(yesNo, "no")).toBeNull();
    expect(validateAnswer(yesNo, "はい")).toBe("「はい」「いいえ」から選んでください");
    expect(validateAnswer(choice, "b")).toBeNull();
    expect(validateAnswer(choice, "甲")).toBe("「甲」「乙」から選んでください");
  });

  it("dates must be real calendar dates", () => {
    const dateQ = question("dt", null, { answerKind: "date" });
    expect(validateAnswer(dateQ, "2024-02-29")).toBeNull();
    for (const bad of ["2023-02-29", "2026-13-01", "2026-4-1", "令和8年4月1日", "2026-04-01T00:00"])
      expect(validateAnswer(dateQ, bad), bad).toBe("日付は YYYY-MM-DD の形で、実在する日を入力してください");
  });

  it("numbers are whole numbers; text is at most 200 characters; nothing may be empty", () => {
    const numberQ = question("nm", null, { answerKind: "number" });
    expect(validateAnswer(numberQ, "2480")).toBeNull();
    expect(validateAnswer(numberQ, "-3")).toBeNull();
    for (const bad of ["2,480", "1.5", "２４８０", "12kg"])
      expect(validateAnswer(numberQ, bad), bad).toBe("数値（整数）を半角数字で入力してください");
    const textQ = question("tx", null, { answerKind: "text" });
    expect(validateAnswer(textQ, "出雲市斎場")).toBeNull();
    expect(validateAnswer(textQ, "あ".repeat(200))).toBeNull();
    expect(validateAnswer(textQ, "あ".repeat(201))).toBe("200文字以内で入力してください");
    for (const q of [yesNo, numberQ, textQ]) expect(validateAnswer(q, "  ")).toBe("回答を入力してください");
  });
});
