import type { MoveInOrigin, ResidenceChangeType } from "@ichimado/core/cases/residence-change";
import type { AgeBasis, Condition, MemberScope } from "@ichimado/core/catalog/rules";
import type { ProgrammeKey } from "@ichimado/core/programmes/programmes";
import type { EnrollmentRole, Sex } from "@ichimado/core/registry/codes";

/**
 * A rule as the structured editor holds it: a top-level group of clauses, each an event, a member
 * test or an answer, possibly negated. Numbers stay text while staff type them; `buildRule` turns the
 * draft into a `Condition` (rule-build.ts), `ruleDraftOf` goes the other way when it can.
 */

/** A yes/no field a member test may leave out: "" is 問わない. */
export type Tri = "" | "yes" | "no";

export interface EventDraft {
  kind: "event";
  events: ResidenceChangeType[];
  origins: MoveInOrigin[];
}

export interface MembersDraft {
  kind: "members";
  scope: MemberScope;
  atLeast: string;
  ageAtLeast: string;
  ageUnder: string;
  ageBasis: AgeBasis;
  moving: Tri;
  isHead: Tri;
  foreign: Tri;
  hasMyNumberCard: Tri;
  sex: "" | Sex;
  enrolledIn: "" | ProgrammeKey;
  roles: EnrollmentRole[];
  attributeKey: string;
  /** the attribute's values, separated by 、 or , */
  attributeValues: string;
  notEnrolledIn: "" | ProgrammeKey;
}

export interface AnswerDraft {
  kind: "answer";
  question: string;
  /** chosen values of a yes/no or choice question */
  values: string[];
  /** values of a free-answer question, separated by 、 or , */
  valuesText: string;
}

export type ClauseBody = EventDraft | MembersDraft | AnswerDraft;
export type ClauseKind = ClauseBody["kind"];

export interface ClauseDraft {
  /** stable across edits, so React keeps each clause's fields when one above is removed */
  id: number;
  negated: boolean;
  body: ClauseBody;
}

export type RuleMode = "none" | "structured" | "json";

export interface RuleDraft {
  mode: RuleMode;
  join: "all" | "any";
  clauses: ClauseDraft[];
  json: string;
}

let nextId = 1;
const clauseId = () => nextId++;

export function emptyClause(kind: ClauseKind): ClauseDraft {
  const body: ClauseBody =
    kind === "event"
      ? { kind, events: [], origins: [] }
      : kind === "members"
        ? {
            kind,
            scope: "moving",
            atLeast: "",
            ageAtLeast: "",
            ageUnder: "",
            ageBasis: "eventDate",
            moving: "",
            isHead: "",
            foreign: "",
            hasMyNumberCard: "",
            sex: "",
            enrolledIn: "",
            roles: [],
            attributeKey: "",
            attributeValues: "",
            notEnrolledIn: "",
          }
        : { kind, question: "", values: [], valuesText: "" };
  return { id: clauseId(), negated: false, body };
}

const tri = (value: boolean | undefined): Tri => (value === undefined ? "" : value ? "yes" : "no");
const number = (value: number | undefined) => (value === undefined ? "" : String(value));

function bodyOf(condition: Condition): ClauseBody | null {
  switch (condition.kind) {
    case "event":
      return { kind: "event", events: [...condition.events], origins: [...(condition.origins ?? [])] };
    case "answer":
      return {
        kind: "answer",
        question: condition.question,
        values: [...condition.values],
        valuesText: condition.values.join("、"),
      };
    case "members": {
      const m = condition.match;
      return {
        kind: "members",
        scope: condition.scope,
        atLeast: number(condition.atLeast),
        ageAtLeast: number(m.ageAtLeast),
        ageUnder: number(m.ageUnder),
        ageBasis: m.ageBasis ?? "eventDate",
        moving: tri(m.moving),
        isHead: tri(m.isHead),
        foreign: tri(m.foreign),
        hasMyNumberCard: tri(m.hasMyNumberCard),
        sex: m.sex ?? "",
        enrolledIn: m.enrolledIn?.programme ?? "",
        roles: [...(m.enrolledIn?.roles ?? [])],
        attributeKey: m.enrolledIn?.attribute?.key ?? "",
        attributeValues: (m.enrolledIn?.attribute?.values ?? []).join("、"),
        notEnrolledIn: m.notEnrolledIn ?? "",
      };
    }
    default:
      return null;
  }
}

/** One clause, or null when it is a group (which only the JSON editor shows). */
function clauseOf(condition: Condition): ClauseDraft | null {
  const negated = condition.kind === "not";
  const body = bodyOf(negated ? condition.condition : condition);
  return body ? { id: clauseId(), negated, body } : null;
}

export const formatJson = (condition: Condition | null) =>
  condition === null ? "" : JSON.stringify(condition, null, 2);

/** The draft of a stored rule: structured when the editor can show it, else JSON. */
export function ruleDraftOf(condition: Condition | null): RuleDraft {
  const json = formatJson(condition);
  if (condition === null) return { mode: "none", join: "all", clauses: [], json };
  const structured = structuredOf(condition);
  return structured
    ? { mode: "structured", ...structured, json }
    : { mode: "json", join: "all", clauses: [], json };
}

/** A top-level group of single clauses (or one clause alone); null for anything nested deeper. */
export function structuredOf(condition: Condition): { join: "all" | "any"; clauses: ClauseDraft[] } | null {
  if (condition.kind === "all" || condition.kind === "any") {
    const clauses = condition.conditions.map(clauseOf);
    if (clauses.some((c) => c === null)) return null;
    return { join: condition.kind, clauses: clauses as ClauseDraft[] };
  }
  const single = clauseOf(condition);
  return single ? { join: "all", clauses: [single] } : null;
}
