import { type IdentityDocumentKind, judgeIdentity } from "@ichimado/core/cases/identity";
import {
  type CaseChannel,
  type CaseStatus,
  caseChannelLabels,
  type SubjectInput,
  type VisitorInput,
  visitorRelationLabels,
} from "@ichimado/core/cases/schemas";
import { japanDate } from "@ichimado/core/common/dates";
import { sexLabels } from "@ichimado/core/registry/codes";
import { sql } from "kysely";
import { loadIdentityDocuments } from "../catalog/store.ts";
import type { Db } from "../db/database.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { withdrawJobs } from "../rpa/jobs.ts";
import { personSummaries } from "../search/person-view.ts";
import { addressText } from "../search/present.ts";
import type { PersonRow } from "../search/queries.ts";
import { caseStep, recordStep, type StepActor } from "./steps.ts";

const open: readonly CaseStatus[] = ["open"];

export async function openCase(ctx: AppContext, actor: StepActor, channel: CaseChannel): Promise<number> {
  const { staffId, counterId } = actor.auth;
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("reception_case")
      .values({
        channel,
        opened_by: staffId,
        opened_counter: counterId,
        updated_by: staffId,
        updated_counter: counterId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordStep(trx, ctx, actor, id, {
      kind: "opened",
      summary: `${caseChannelLabels[channel]}の対応を開始`,
      personIds: [],
    });
    return id;
  });
}

/** The visitor data that can differ from the register, with the labels staff see. */
const comparedFields = [
  ["name", "氏名"],
  ["nameKana", "氏名カナ"],
  ["birthDate", "生年月日"],
  ["sex", "性別"],
  ["address", "住所"],
] as const;

export interface StoredVisitor {
  input: VisitorInput;
  corrections: { field: string; label: string; visitorValue: string; registerValue: string }[];
}

async function registerPerson(db: Db, id: string) {
  const { rows } = await sql<PersonRow>`
    select p.*, t.name as town_name, false as via_previous, 0 as rank
    from person p left join address_town t on t.code = p.town_code where p.id = ${id}`.execute(db);
  return rows[0];
}

/**
 * Sets who stands at the counter. When the visitor is in the register, what they say that differs
 * from it is kept with the case as a correction; the register itself is only ever changed by the
 * core system's feed.
 */
export async function setVisitor(ctx: AppContext, actor: StepActor, caseId: number, input: VisitorInput) {
  return caseStep(ctx, actor, caseId, open, async (trx) => {
    const corrections: StoredVisitor["corrections"] = [];
    if (input.personId !== null) {
      const person = await registerPerson(trx, input.personId);
      if (!person) throw new HttpError(404, "NOT_FOUND", "来庁者の宛名がありません");
      // For staff who may not see a 支援措置 subject's address, comparing a stated address with it
      // would answer whether a guess is right: their visitor's address is not compared.
      const { summaries } = await personSummaries(trx, actor.auth, [person.id], japanDate(new Date()));
      const addressHidden = summaries.get(person.id)?.address.masked !== false;
      const register: Record<(typeof comparedFields)[number][0], string> = {
        name: person.name,
        nameKana: person.name_kana,
        birthDate: person.birth_date ?? "",
        sex: person.sex ? sexLabels[person.sex] : "",
        address: addressText(person) ?? "",
      };
      const given: Record<(typeof comparedFields)[number][0], string> = {
        name: input.name,
        nameKana: input.nameKana,
        birthDate: input.birthDate ?? "",
        sex: input.sex ? sexLabels[input.sex] : "",
        address: addressHidden ? "" : input.address,
      };
      for (const [field, label] of comparedFields) {
        // An empty field means "not asked", not "different".
        if (given[field] !== "" && given[field] !== register[field]) {
          corrections.push({ field, label, visitorValue: given[field], registerValue: register[field] });
        }
      }
    }
    const stored: StoredVisitor = { input, corrections };
    await trx
      .updateTable("reception_case")
      .set({ visitor: JSON.stringify(stored) })
      .where("id", "=", caseId)
      .execute();
    return {
      kind: "visitor",
      summary:
        `来庁者を${input.personId ? "住民記録から" : "入力して"}設定 (${visitorRelationLabels[input.relation]})` +
        (corrections.length > 0
          ? ` — 住民記録と異なる項目: ${corrections.map((c) => c.label).join("・")}`
          : ""),
      personIds: input.personId ? [input.personId] : [],
      value: stored,
    };
  });
}

export async function setIdentity(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  documentKeys: readonly string[],
  note: string,
) {
  const known = new Map((await loadIdentityDocuments(ctx.db)).map((d) => [d.key, d]));
  const unknown = documentKeys.filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new HttpError(400, "VALIDATION", `本人確認書類 ${unknown.join("・")} は一覧にありません`);
  }
  if (new Set(documentKeys).size !== documentKeys.length) {
    throw new HttpError(400, "VALIDATION", "同じ書類が2回選ばれています");
  }
  const documents = documentKeys.map((k) => known.get(k) as IdentityDocumentKind);
  const verdict = judgeIdentity(documents.map((d) => d.tier));
  return caseStep(ctx, actor, caseId, open, async (trx) => {
    await trx
      .updateTable("reception_case")
      .set({ identity_check: JSON.stringify({ documents, note }) })
      .where("id", "=", caseId)
      .execute();
    return {
      kind: "identity",
      summary: `本人確認: ${documents.map((d) => d.name).join("・") || "書類なし"} (${verdict.sufficient ? "確認済" : "不足"})`,
      personIds: [],
      value: verdict,
    };
  });
}

export async function addSubject(ctx: AppContext, actor: StepActor, caseId: number, input: SubjectInput) {
  return caseStep(ctx, actor, caseId, open, async (trx) => {
    if ("personId" in input) {
      const person = await trx
        .selectFrom("person")
        .select(["id", "name"])
        .where("id", "=", input.personId)
        .executeTakeFirst();
      if (!person) throw new HttpError(404, "NOT_FOUND", "指定された宛名はありません");
      const exists = await trx
        .selectFrom("case_subject")
        .select("id")
        .where("case_id", "=", caseId)
        .where("person_id", "=", input.personId)
        .executeTakeFirst();
      if (exists) throw new HttpError(409, "CONFLICT", `${person.name} さんはすでに申請対象者です`);
      const { id } = await trx
        .insertInto("case_subject")
        .values({ case_id: caseId, person_id: person.id, added_by: actor.auth.staffId })
        .returning("id")
        .executeTakeFirstOrThrow();
      return {
        kind: "subject",
        summary: `申請対象者に ${person.name} を追加`,
        personIds: [person.id],
        value: id,
      };
    }
    const { id } = await trx
      .insertInto("case_subject")
      .values({ case_id: caseId, typed: JSON.stringify(input.typed), added_by: actor.auth.staffId })
      .returning("id")
      .executeTakeFirstOrThrow();
    return {
      kind: "subject",
      summary: `申請対象者に ${input.typed.name} (住民記録にない人) を追加`,
      personIds: [],
      value: id,
    };
  });
}

export async function removeSubject(ctx: AppContext, actor: StepActor, caseId: number, subjectId: number) {
  return caseStep(ctx, actor, caseId, open, async (trx) => {
    const removed = await trx
      .deleteFrom("case_subject")
      .where("id", "=", subjectId)
      .where("case_id", "=", caseId)
      .returning(["person_id", "typed"])
      .executeTakeFirst();
    if (!removed) throw new HttpError(404, "NOT_FOUND", "指定された申請対象者はありません");
    const name = removed.person_id
      ? ((
          await trx.selectFrom("person").select("name").where("id", "=", removed.person_id).executeTakeFirst()
        )?.name ?? removed.person_id)
      : (removed.typed as { name: string }).name;
    return {
      kind: "subject",
      summary: `申請対象者から ${name} を外した`,
      personIds: removed.person_id ? [removed.person_id] : [],
      value: null,
    };
  });
}

export async function addMemo(ctx: AppContext, actor: StepActor, caseId: number, text: string) {
  // Memos may still be written on a closed case: the back office notes what happened next.
  return caseStep(ctx, actor, caseId, ["open", "closed"], async (trx) => {
    const { id } = await trx
      .insertInto("case_memo")
      .values({
        case_id: caseId,
        text,
        created_by: actor.auth.staffId,
        created_counter: actor.auth.counterId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { kind: "memo", summary: "メモを記入", personIds: [], value: id };
  });
}

const transitions: Record<
  "suspend" | "resume" | "close" | "cancel",
  { from: CaseStatus[]; to: CaseStatus; summary: string }
> = {
  suspend: { from: ["open"], to: "suspended", summary: "対応を保留 (後で再開)" },
  resume: { from: ["suspended", "open"], to: "open", summary: "対応を再開" },
  close: { from: ["open"], to: "closed", summary: "対応を完了" },
  cancel: { from: ["open", "suspended"], to: "cancelled", summary: "対応を取消" },
};

export type CaseTransition = keyof typeof transitions;

export async function transition(ctx: AppContext, actor: StepActor, caseId: number, action: CaseTransition) {
  const t = transitions[action];
  return caseStep(ctx, actor, caseId, t.from, async (trx) => {
    if (action === "close") {
      const unsettled = await trx
        .selectFrom("case_procedure")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("case_id", "=", caseId)
        .where("status", "in", ["notStarted", "printed"])
        .executeTakeFirstOrThrow();
      if (Number(unsettled.n) > 0) {
        throw new HttpError(
          409,
          "CONFLICT",
          `未着手または印刷のみの手続きが${unsettled.n}件あります。受付済・他課案内済・不要のいずれかにしてから完了してください`,
        );
      }
    }
    // A cancelled case's notifications and requests must not reach the core systems.
    if (action === "cancel") await withdrawJobs(trx, { caseId });
    await trx
      .updateTable("reception_case")
      .set({ status: t.to, closed_at: t.to === "closed" || t.to === "cancelled" ? new Date() : null })
      .where("id", "=", caseId)
      .execute();
    return { kind: action, summary: t.summary, personIds: [], value: t.to };
  });
}
