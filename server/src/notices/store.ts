import {
  type AdminNotice,
  type NoticeAudience,
  type NoticeInput,
  type NoticeView,
  noticeState,
} from "@ichimado/core/notices/notices";
import type { Kysely, Selectable } from "kysely";
import type { Database, NoticeTable } from "../db/schema.ts";

type NoticeRow = Selectable<NoticeTable> & { posted_by: string; updated_by_name: string };

const audienceOf = (row: Pick<NoticeRow, "audience_counters">): NoticeAudience =>
  row.audience_counters === null ? { kind: "all" } : { kind: "counters", counterIds: row.audience_counters };

/** The row's reach in the shape the core's rule reads. */
export const reachOf = (row: Selectable<NoticeTable>) => ({
  audience: audienceOf(row),
  shownFrom: row.shown_from,
  shownTo: row.shown_to,
  withdrawnAt: row.withdrawn_at,
});

/** Notices with their writers' names; `live` keeps out the withdrawn and those ended before `today`. */
export function selectNotices(db: Kysely<Database>, live?: { today: string }) {
  let query = db
    .selectFrom("notice")
    .innerJoin("staff_user as poster", "poster.id", "notice.created_by")
    .innerJoin("staff_user as editor", "editor.id", "notice.updated_by")
    .selectAll("notice")
    .select(["poster.name as posted_by", "editor.name as updated_by_name"]);
  // Only narrows the rows read; isNoticeShown decides what is shown.
  if (live) {
    query = query
      .where("notice.withdrawn_at", "is", null)
      .where((eb) => eb.or([eb("notice.shown_to", "is", null), eb("notice.shown_to", ">=", live.today)]));
  }
  return query;
}

export function viewOf(row: NoticeRow, readAt: Date | null): NoticeView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    importance: row.importance,
    shownFrom: row.shown_from,
    shownTo: row.shown_to,
    postedBy: row.posted_by,
    updatedAt: row.updated_at.toISOString(),
    readAt: readAt?.toISOString() ?? null,
  };
}

export function adminViewOf(row: NoticeRow, readCount: number, now: Date): AdminNotice {
  const { readAt: _, ...view } = viewOf(row, null);
  return {
    ...view,
    audience: audienceOf(row),
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by_name,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    state: noticeState(reachOf(row), now),
    readCount,
  };
}

/** The columns an administrator's input sets, for an insert and an update alike. */
export function columnsOf(input: NoticeInput) {
  return {
    title: input.title,
    body: input.body,
    importance: input.importance,
    audience_counters: input.audience.kind === "all" ? null : input.audience.counterIds,
    shown_from: input.shownFrom,
    shown_to: input.shownTo,
  };
}
