import { z } from "zod";
import {
  type CaseChannel,
  type CaseStatus,
  caseStatuses,
  type ProcedureStatus,
  settledProcedureStatuses,
} from "../cases/schemas.ts";
import { japanTime, type Period, periodDates } from "./period.ts";

/** One step of a case's history, as case_event records it. */
export interface CaseStepRow {
  /** opened, suspend, resume, close, cancel, visitor, … */
  kind: string;
  at: Date;
  counterId: string;
  counter: string;
}

/** A case as the statistics read it: names resolved, its history in order. */
export interface CaseStatRow {
  id: number;
  channel: CaseChannel;
  status: CaseStatus;
  openedAt: Date;
  openedCounterId: string;
  openedCounter: string;
  openedStaff: string;
  closedAt: Date | null;
  updatedAt: Date;
  updatedCounter: string;
  updatedStaff: string;
  procedures: number;
  steps: readonly CaseStepRow[];
}

/** A procedure of a case, with the case's opening (which decides its period). */
export interface ProcedureStatRow {
  caseId: number;
  caseOpenedAt: Date;
  procedureKey: string;
  procedureName: string;
  /** the counter the catalog names for it */
  counter: string;
  source: "derived" | "manual";
  status: ProcedureStatus;
  updatedAt: Date;
  updatedCounter: string;
  updatedStaff: string;
}

export interface CaseDurations {
  /** 待ち時間: the 保留 periods that ended (再開, 完了 or 取消), in ms */
  waitingMs: number;
  /** how many times it was put on 保留 */
  suspensions: number;
  /** how many of those ended */
  endedWaits: number;
  /** 対応時間: for a 完了 case, 受付 → 完了 less the waiting; otherwise null */
  handlingMs: number | null;
}

const endsWait = new Set(["resume", "close", "cancel"]);

/**
 * The durations the history records. A 保留 is the visitor waiting for the next counter: it starts
 * at the "suspend" step and ends at the step that takes the case up again. A 保留 still running has
 * no end yet and is not counted, so a figure never grows with the time the report is run.
 */
export function caseDurations(
  row: Pick<CaseStatRow, "status" | "openedAt" | "closedAt" | "steps">,
): CaseDurations {
  let waitingMs = 0;
  let suspensions = 0;
  let endedWaits = 0;
  let since: Date | null = null;
  for (const step of row.steps) {
    if (step.kind === "suspend" && since === null) {
      since = step.at;
      suspensions++;
    } else if (since !== null && endsWait.has(step.kind)) {
      waitingMs += Math.max(0, step.at.getTime() - since.getTime());
      endedWaits++;
      since = null;
    }
  }
  const handlingMs =
    row.status === "closed" && row.closedAt
      ? Math.max(0, row.closedAt.getTime() - row.openedAt.getTime() - waitingMs)
      : null;
  return { waitingMs, suspensions, endedWaits, handlingMs };
}

/** Minutes to one decimal: what a spreadsheet and the screen show. */
export function minutes(ms: number): number {
  return Math.round(ms / 6_000) / 10;
}

const countSchema = z.number().int().nonnegative();
const averageSchema = z.number().nonnegative().nullable();

export const statisticsSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  cases: countSchema,
  byStatus: z.array(z.object({ status: z.enum(caseStatuses), cases: countSchema })),
  /** over 完了 cases; null when there is none */
  averageHandlingMinutes: averageSchema,
  /** over cases whose 保留 ended at least once; null when there is none */
  averageWaitingMinutes: averageSchema,
  waitedCases: countSchema,
  perDay: z.array(z.object({ date: z.string(), cases: countSchema })),
  perHour: z.array(z.object({ hour: z.number().int().min(0).max(23), cases: countSchema })),
  perProcedure: z.array(
    z.object({
      procedureKey: z.string(),
      procedureName: z.string(),
      procedures: countSchema,
      settled: countSchema,
    }),
  ),
  perCounter: z.array(
    z.object({
      counterId: z.string(),
      counter: z.string(),
      /** cases opened there */
      opened: countSchema,
      /** cases with any step there */
      handled: countSchema,
      /** waits that ended there: a visitor taken up after 保留 */
      resumed: countSchema,
      averageWaitingMinutes: averageSchema,
    }),
  ),
});
export type StatisticsSummary = z.infer<typeof statisticsSummarySchema>;

const average = (values: readonly number[]) =>
  values.length === 0 ? null : minutes(values.reduce((a, b) => a + b, 0) / values.length);

/** The screen's figures from the period's cases and their procedures. */
export function summarise(
  period: Period,
  cases: readonly CaseStatRow[],
  procedures: readonly ProcedureStatRow[],
): StatisticsSummary {
  const perDay = new Map(periodDates(period).map((date) => [date, 0]));
  const perHour = Array.from({ length: 24 }, () => 0);
  const byStatus = new Map<CaseStatus, number>(caseStatuses.map((s) => [s, 0]));
  const handling: number[] = [];
  const waiting: number[] = [];
  const counters = new Map<
    string,
    { counter: string; opened: number; handled: Set<number>; resumed: number; waits: number[] }
  >();
  const counterOf = (id: string, name: string) => {
    let entry = counters.get(id);
    if (!entry) {
      entry = { counter: name, opened: 0, handled: new Set(), resumed: 0, waits: [] };
      counters.set(id, entry);
    }
    return entry;
  };

  for (const row of cases) {
    const opened = japanTime(row.openedAt);
    perDay.set(opened.date, (perDay.get(opened.date) ?? 0) + 1);
    perHour[opened.hour] = (perHour[opened.hour] ?? 0) + 1;
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
    const durations = caseDurations(row);
    if (durations.handlingMs !== null) handling.push(durations.handlingMs);
    counterOf(row.openedCounterId, row.openedCounter).opened++;
    let since: Date | null = null;
    for (const step of row.steps) {
      counterOf(step.counterId, step.counter).handled.add(row.id);
      if (step.kind === "suspend" && since === null) since = step.at;
      else if (since !== null && endsWait.has(step.kind)) {
        const entry = counterOf(step.counterId, step.counter);
        if (step.kind === "resume") entry.resumed++;
        entry.waits.push(Math.max(0, step.at.getTime() - since.getTime()));
        since = null;
      }
    }
    if (durations.endedWaits > 0) waiting.push(durations.waitingMs);
  }

  const perProcedure = new Map<string, { procedureName: string; procedures: number; settled: number }>();
  for (const p of procedures) {
    const entry = perProcedure.get(p.procedureKey) ?? {
      procedureName: p.procedureName,
      procedures: 0,
      settled: 0,
    };
    entry.procedures++;
    if (settledProcedureStatuses.has(p.status)) entry.settled++;
    perProcedure.set(p.procedureKey, entry);
  }

  return {
    from: period.from,
    to: period.to,
    cases: cases.length,
    byStatus: caseStatuses.map((status) => ({ status, cases: byStatus.get(status) ?? 0 })),
    averageHandlingMinutes: average(handling),
    averageWaitingMinutes: average(waiting),
    waitedCases: waiting.length,
    perDay: [...perDay].map(([date, n]) => ({ date, cases: n })),
    perHour: perHour.map((n, hour) => ({ hour, cases: n })),
    perProcedure: [...perProcedure]
      .map(([procedureKey, e]) => ({ procedureKey, ...e }))
      .sort((a, b) => b.procedures - a.procedures || a.procedureKey.localeCompare(b.procedureKey)),
    perCounter: [...counters]
      .map(([counterId, e]) => ({
        counterId,
        counter: e.counter,
        opened: e.opened,
        handled: e.handled.size,
        resumed: e.resumed,
        averageWaitingMinutes: average(e.waits),
      }))
      .sort((a, b) => b.handled - a.handled || a.counterId.localeCompare(b.counterId)),
  };
}

/** The definitions shown on the screen and in the data dictionary, so both say the same. */
export const statisticsDefinitions = {
  period:
    "期間は対応を受け付けた日 (日本時間) で区切ります。期間内に受け付けた対応と、その手続きを数えます。",
  handling:
    "対応時間: 完了した対応の、受付から完了までの時間から待ち時間を除いたものです。対応中・保留中・取消の対応には対応時間がありません。",
  waiting:
    "待ち時間: 対応が保留されてから、次の窓口が再開する (または完了・取消する) までの時間の合計です。来庁者が次の窓口を待つ時間にあたります。保留が続いている間の時間は数えません。平均は、保留が一度でも終わった対応についてとります。",
  counter:
    "窓口別: 受付 = その窓口で受け付けた対応、関わった対応 = その窓口で一度でも入力した対応、再開 = 保留をその窓口で再開した回数、平均待ち時間 = その窓口で終わった保留の平均です。",
} as const;
