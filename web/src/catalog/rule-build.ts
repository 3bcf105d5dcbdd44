import { choicesOf, type QuestionDefinition } from "@ichimado/core/catalog/questions";
import { type Condition, conditionSchema, type MemberPredicate } from "@ichimado/core/catalog/rules";
import type { Issue } from "../cases/form-errors.tsx";
import type { ClauseBody, MembersDraft, RuleDraft } from "./rule-draft.ts";

/** From the editor's draft to the stored rule, with the problems that keep a draft from being one. */

export type Built = { ok: true; condition: Condition | null } | { ok: false; issues: Issue[] };

const splitList = (text: string) =>
  text
    .split(/[、,，\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * The rule the draft stands for, or the problems that keep it from being one; each issue's path is
 * `${prefix}.${clause index}.${field}`, the id the clause's field carries.
 */
export function buildRule(draft: RuleDraft, prefix: string, questions: readonly QuestionDefinition[]): Built {
  if (draft.mode === "none") return { ok: true, condition: null };
  if (draft.mode === "json") return parseRuleJson(draft.json, prefix);
  if (draft.clauses.length === 0) {
    return { ok: false, issues: [{ path: `${prefix}.add`, message: "条件を1つ以上追加してください" }] };
  }
  const issues: Issue[] = [];
  const conditions = draft.clauses.map((clause, i) => {
    const at = `${prefix}.${i}`;
    const built = buildBody(clause.body, at, questions, issues);
    return clause.negated ? ({ kind: "not", condition: built } as Condition) : built;
  });
  if (issues.length > 0) return { ok: false, issues };
  const condition: Condition =
    conditions.length === 1 ? (conditions[0] as Condition) : { kind: draft.join, conditions };
  return { ok: true, condition };
}

function buildBody(
  body: ClauseBody,
  at: string,
  questions: readonly QuestionDefinition[],
  issues: Issue[],
): Condition {
  const problem = (field: string, message: string) => issues.push({ path: `${at}.${field}`, message });
  switch (body.kind) {
    case "event":
      if (body.events.length === 0) problem("events", "届出の種類を1つ以上選んでください");
      return {
        kind: "event",
        events: body.events,
        ...(body.origins.length > 0 && body.events.includes("moveIn") ? { origins: body.origins } : {}),
      };
    case "answer": {
      const question = questions.find((q) => q.key === body.question);
      if (!question) {
        problem("question", "質問を選んでください");
        return { kind: "answer", question: body.question, values: [] };
      }
      const listed = choicesOf(question).length > 0;
      const values = listed ? body.values : splitList(body.valuesText);
      if (values.length === 0)
        problem(listed ? "values" : "valuesText", "条件にする回答を1つ以上指定してください");
      return { kind: "answer", question: body.question, values };
    }
    case "members":
      return buildMembers(body, problem);
  }
}

function buildMembers(body: MembersDraft, problem: (field: string, message: string) => void): Condition {
  const whole = (field: string, text: string, min: number, max: number, label: string) => {
    if (!text.trim()) return undefined;
    const value = Number(text.trim());
    if (!Number.isInteger(value) || value < min || value > max) {
      problem(field, `${label}は${min}〜${max}の整数で入力してください`);
      return undefined;
    }
    return value;
  };
  const ageAtLeast = whole("ageAtLeast", body.ageAtLeast, 0, 150, "年齢（以上）");
  const ageUnder = whole("ageUnder", body.ageUnder, 0, 150, "年齢（未満）");
  if (ageAtLeast !== undefined && ageUnder !== undefined && ageAtLeast >= ageUnder) {
    problem("ageUnder", "年齢（未満）は年齢（以上）より大きくしてください");
  }
  const atLeast = body.scope === "self" ? undefined : whole("atLeast", body.atLeast, 1, 20, "人数");
  const match: MemberPredicate = {};
  if (ageAtLeast !== undefined) match.ageAtLeast = ageAtLeast;
  if (ageUnder !== undefined) match.ageUnder = ageUnder;
  if ((ageAtLeast !== undefined || ageUnder !== undefined) && body.ageBasis === "schoolYear") {
    match.ageBasis = "schoolYear";
  }
  const flags = ["moving", "isHead", "foreign", "hasMyNumberCard"] as const;
  for (const flag of flags) if (body[flag] !== "") match[flag] = body[flag] === "yes";
  if (body.sex) match.sex = body.sex;
  if (body.enrolledIn) {
    const values = splitList(body.attributeValues);
    const key = body.attributeKey.trim();
    if (!key && values.length > 0)
      problem("attributeKey", "属性の値を指定するときは属性の項目名も入力してください");
    match.enrolledIn = {
      programme: body.enrolledIn,
      ...(body.roles.length > 0 ? { roles: body.roles } : {}),
      ...(key ? { attribute: values.length > 0 ? { key, values } : { key } } : {}),
    };
  }
  if (body.notEnrolledIn) match.notEnrolledIn = body.notEnrolledIn;
  return {
    kind: "members",
    scope: body.scope,
    match,
    ...(atLeast !== undefined && atLeast > 1 ? { atLeast } : {}),
  };
}

/** A rule typed as JSON, checked with the same schema the server uses; Japanese problems for staff. */
export function parseRuleJson(text: string, prefix: string): Built {
  const path = `${prefix}.json`;
  if (!text.trim()) return { ok: false, issues: [{ path, message: "条件のJSONを入力してください" }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      issues: [
        { path, message: "条件のJSONの書き方に誤りがあります（括弧・引用符・カンマを確認してください）" },
      ],
    };
  }
  const parsed = conditionSchema.safeParse(value);
  if (parsed.success) return { ok: true, condition: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.slice(0, 5).map((issue) => ({
      path,
      message: `条件の形式に誤りがあります（${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}）`,
    })),
  };
}
