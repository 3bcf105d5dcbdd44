import { residenceChangeTypeLabels } from "../cases/residence-change.ts";
import { programmeLabels } from "../programmes/programmes.ts";
import { enrollmentRoleLabels } from "../registry/codes.ts";
import { defaultQuestions } from "./default-catalog/questions.ts";
import { ageRangeText, answerLabel, attributeLabel, memberNoun, moveInOriginLabels } from "./labels.ts";
import type { QuestionDefinition } from "./questions.ts";
import { type Condition, type MemberPredicate, memberScopeLabels } from "./rules.ts";

/**
 * A rule in plain Japanese for the administrators who edit the catalog, e.g.
 * "届出が転出で、異動する人に国民健康保険の加入者がいる場合". Answer conditions use the labels of
 * `questions` (an unknown question is shown by its key).
 */
export function describeCondition(
  condition: Condition,
  questions: readonly QuestionDefinition[] = defaultQuestions,
): string {
  const c = clause(condition, false, questions);
  return `${c.text}${c.noun ? "の場合" : "場合"}`;
}

/**
 * One condition as a Japanese clause. Japanese joins "and" by the continuative form of the clause
 * before ("転出で、", "…がいて、"), so each clause carries both forms.
 */
interface Clause {
  /** final form: "届出が転出", "…がいる" */
  text: string;
  /** continuative form, before "、" in a conjunction: "届出が転出で", "…がいて" */
  conj: string;
  /** ends in a noun, so a closing 場合 needs の */
  noun: boolean;
}

const nounClause = (text: string): Clause => ({ text, conj: `${text}で`, noun: true });

/** A compound inside a compound of the other kind, bracketed so "A、またはBで、C" cannot be misread. */
const bracket = (inner: Clause): Clause => nounClause(`（${inner.text}）`);

type Questions = readonly QuestionDefinition[];

function clause(condition: Condition, negated: boolean, questions: Questions): Clause {
  switch (condition.kind) {
    case "event":
      return eventClause(condition, negated);
    case "members":
      return condition.scope === "self"
        ? selfClause(predicateParts(condition.match), negated)
        : groupClause(condition, negated);
    case "answer": {
      const question = questions.find((q) => q.key === condition.question);
      const values = condition.values.map((v) => answerLabel(v, question)).join("」または「");
      const text = `「${question?.label ?? condition.question}」の答えが「${values}」`;
      return negated ? { text: `${text}ではない`, conj: `${text}ではなく`, noun: false } : nounClause(text);
    }
    case "not":
      // not(not(x)) is x: flipping keeps double negation out of the sentence.
      return clause(condition.condition, !negated, questions);
    case "all":
    case "any": {
      const { conditions } = condition;
      if (conditions.length === 1) return clause(conditions[0] as Condition, negated, questions);
      const joined =
        condition.kind === "all" ? conjunction(conditions, questions) : disjunction(conditions, questions);
      if (!negated) return joined;
      return { text: `（${joined.text}）に当たらない`, conj: `（${joined.text}）に当たらず`, noun: false };
    }
  }
  return nounClause("（不明な条件）");
}

const isCompound = (c: Condition, kind: "all" | "any"): boolean => c.kind === kind && c.conditions.length > 1;

function conjunction(conditions: Condition[], questions: Questions): Clause {
  // Several tests on 本人 read as one: "本人がA で、B である", not "本人がAであり、本人がBであり".
  const selfParts: Part[] = [];
  const slots: (Clause | "self")[] = [];
  for (const c of conditions) {
    if (c.kind === "members" && c.scope === "self") {
      if (!slots.includes("self")) slots.push("self");
      for (const part of predicateParts(c.match))
        if (!selfParts.some((p) => p.text === part.text)) selfParts.push(part);
    } else
      slots.push(isCompound(c, "any") ? bracket(clause(c, false, questions)) : clause(c, false, questions));
  }
  const parts = slots.map((slot) => (slot === "self" ? selfClause(selfParts, false) : slot));
  const head = parts.slice(0, -1).map((p) => p.conj);
  const last = parts[parts.length - 1] as Clause;
  return {
    text: [...head, last.text].join("、"),
    conj: [...head, last.conj].join("、"),
    noun: last.noun,
  };
}

function disjunction(conditions: Condition[], questions: Questions): Clause {
  const parts = conditions.map((c) =>
    isCompound(c, "all") ? bracket(clause(c, false, questions)) : clause(c, false, questions),
  );
  const text = parts.map((p) => p.text).join("、または");
  // Only reached when an "any" is continued by something else, which conjunction brackets first.
  return { text, conj: `（${text}）で`, noun: parts[parts.length - 1]?.noun ?? true };
}

function eventClause(condition: Extract<Condition, { kind: "event" }>, negated: boolean): Clause {
  const labels = condition.events.map((e) => residenceChangeTypeLabels[e]);
  const events = labels.length === 1 ? labels[0] : `${labels.join("・")}のいずれか`;
  const origins = condition.origins
    ? `（${condition.origins.map((o) => moveInOriginLabels[o]).join("・")}）`
    : "";
  const text = `届出が${events}${origins}`;
  return negated ? { text: `${text}ではない`, conj: `${text}ではなく`, noun: false } : nounClause(text);
}

function selfClause(parts: Part[], negated: boolean): Clause {
  if (parts.length === 0)
    return negated
      ? { text: "本人がいない", conj: "本人がおらず", noun: false }
      : { text: "本人がいる", conj: "本人がいて", noun: false };
  const body = parts.map((p) => p.text).join("で、");
  if (!negated) return { text: `本人が${body}である`, conj: `本人が${body}であり`, noun: false };
  const subject = parts.length === 1 ? body : `（${body}）`;
  return { text: `本人が${subject}ではない`, conj: `本人が${subject}ではなく`, noun: false };
}

function groupClause(condition: Extract<Condition, { kind: "members" }>, negated: boolean): Clause {
  const scope = memberScopeLabels[condition.scope];
  const atLeast = condition.atLeast ?? 1;
  const parts = predicateParts(condition.match);
  const who = parts.length === 0 ? `${scope}が` : `${scope}に${nounPhrase(parts)}が`;
  if (negated) {
    const stem = atLeast > 1 ? `${who}${atLeast}人以上は` : who;
    return { text: `${stem}いない`, conj: `${stem}おらず`, noun: false };
  }
  const stem = atLeast > 1 ? `${who}${atLeast}人以上` : who;
  return { text: `${stem}いる`, conj: `${stem}いて`, noun: false };
}

interface Part {
  text: string;
  /** names a person ("世帯主", "…の加入者") rather than a property ("18歳未満") */
  noun: boolean;
}

/** "18歳未満" + "子ども医療費の対象児童" → "18歳未満で子ども医療費の対象児童". */
function nounPhrase(parts: Part[]): string {
  const last = parts[parts.length - 1] as Part;
  const tail = last.noun ? last.text : `${last.text}の人`;
  return [...parts.slice(0, -1).map((p) => p.text), tail].join("で");
}

/** The predicate's fields in words, the enrollment last so that the phrase ends on a person. */
function predicateParts(match: MemberPredicate): Part[] {
  const parts: Part[] = [];
  const noun = (text: string) => parts.push({ text, noun: true });
  if (match.moving !== undefined) noun(memberScopeLabels[match.moving ? "moving" : "remaining"]);
  if (match.isHead !== undefined) noun(match.isHead ? "世帯主" : "世帯主以外の人");
  if (match.sex !== undefined) noun(match.sex === "male" ? "男性" : "女性");
  if (match.ageAtLeast !== undefined || match.ageUnder !== undefined)
    parts.push({ text: ageRangeText(match.ageAtLeast, match.ageUnder, match.ageBasis), noun: false });
  if (match.foreign !== undefined) noun(match.foreign ? "外国人住民" : "日本人住民");
  if (match.hasMyNumberCard !== undefined)
    noun(match.hasMyNumberCard ? "マイナンバーカードを持っている人" : "マイナンバーカードを持っていない人");
  if (match.notEnrolledIn !== undefined) noun(`${programmeLabels[match.notEnrolledIn]}の資格がない人`);
  if (match.enrolledIn !== undefined) {
    const { programme, roles, attribute } = match.enrolledIn;
    const who = roles
      ? `${programmeLabels[programme]}の${roles.map((r) => enrollmentRoleLabels[r]).join("または")}`
      : memberNoun(programme);
    let detail = "";
    if (attribute) {
      const label = attributeLabel(programme, attribute.key);
      const values = attribute.values;
      detail = values
        ? `（${label}が${values.join("・")}${values.length > 1 ? "のいずれか" : ""}）`
        : `（${label}の記録あり）`;
    }
    noun(`${who}${detail}`);
  }
  return parts;
}
