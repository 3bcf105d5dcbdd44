import { parseArgs } from "node:util";
import { japanDate } from "@ichimado/core/common/dates";
import type { ServiceLevelReport } from "@ichimado/core/ops/service-level";
import { periodSchema } from "@ichimado/core/statistics/period";
import { toCsv } from "@ichimado/tools/feeds/write-feeds";
import { z } from "zod";
import { AuditWriter } from "../audit/writer.ts";
import type { Config } from "../config.ts";
import { openConfiguredDatabase, resolveAuditKey } from "../platform/runtime.ts";
import { readServiceLevel } from "./service-level.ts";

const percent = (share: number | null) => (share === null ? "-" : `${(share * 100).toFixed(3)}%`);
const mark = (ok: boolean) => (ok ? "達成" : "未達");

/**
 * `sla-report --from 2026-12-01 --to 2026-12-31 [--csv]`: per day, the share of requests answered
 * within 3 s and the availability, judged against spec D. Defaults to this month so far.
 */
export async function slaReportCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: "string" }, to: { type: "string" }, csv: { type: "boolean", default: false } },
  });
  const today = japanDate(new Date());
  const period = periodSchema.safeParse({
    from: values.from ?? `${today.slice(0, 8)}01`,
    to: values.to ?? today,
  });
  if (!period.success) {
    for (const issue of period.error.issues) console.error(issue.message);
    return 2;
  }
  const handle = await openConfiguredDatabase(config, false);
  try {
    const report = await readServiceLevel(handle.db, period.data.from, period.data.to);
    console.log(values.csv ? reportCsv(report) : reportText(report));
    return report.total.meetsAvailabilityGoal && report.total.meetsResponseGoal ? 0 : 1;
  } finally {
    await handle.close();
  }
}

function reportText(report: ServiceLevelReport): string {
  if (report.days.length === 0) return "この期間の稼働記録はありません";
  const lines = ["日付\t要求数\t3秒以内\t5xx\t対象外\t稼働率\t稼働分/予定分"];
  for (const d of report.days) {
    lines.push(
      `${d.day}\t${d.requests}\t${percent(d.withinGoalShare)} ${mark(d.meetsResponseGoal)}\t${d.serverErrors}\t${d.excluded}\t${percent(d.availability)} ${mark(d.meetsAvailabilityGoal)}\t${d.upMinutes}/${d.dueMinutes}`,
    );
  }
  const t = report.total;
  lines.push(
    `期間計\t${t.requests}\t${percent(t.withinGoalShare)} ${mark(t.meetsResponseGoal)}\t${t.serverErrors}\t${t.excluded}\t${percent(t.availability)} ${mark(t.meetsAvailabilityGoal)}\t${t.upMinutes}/${t.dueMinutes}`,
    "目標: 稼働率 99.5% 以上、要求の 99.9% 以上を 3 秒以内 (集計・出力・取込は対象外)",
  );
  return lines.join("\n");
}

function reportCsv(report: ServiceLevelReport): string {
  const rows = [...report.days, { day: "期間計", ...report.total }].map((d) => [
    d.day,
    String(d.requests),
    String(d.withinGoal),
    d.withinGoalShare === null ? "" : d.withinGoalShare.toFixed(6),
    String(d.serverErrors),
    String(d.excluded),
    String(d.upMinutes),
    String(d.dueMinutes),
    d.availability === null ? "" : d.availability.toFixed(6),
  ]);
  const header = [
    "日付",
    "要求数",
    "3秒以内",
    "3秒以内の割合",
    "5xx",
    "対象外",
    "稼働分",
    "予定分",
    "稼働率",
  ];
  return toCsv([header, ...rows]);
}

const outageSchema = z
  .object({
    from: z.iso.datetime({ offset: true, error: "--from は 2026-12-06T20:00+09:00 の形で指定してください" }),
    to: z.iso.datetime({ offset: true, error: "--to は 2026-12-06T22:00+09:00 の形で指定してください" }),
    reason: z.string().min(1, "--reason (理由) を指定してください").max(200),
  })
  .refine((o) => Date.parse(o.to) > Date.parse(o.from), { message: "--to は --from より後にしてください" });

/**
 * `planned-outage add --from … --to … --reason …` | `planned-outage list`: 計画停止 (announced 30 days
 * ahead per spec D) is not counted against availability. Adding one is audited.
 */
export async function plannedOutageCommand(config: Config, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== "add" && action !== "list") {
    console.error("使い方: planned-outage add --from 日時 --to 日時 --reason 理由 | planned-outage list");
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { from: { type: "string" }, to: { type: "string" }, reason: { type: "string" } },
  });
  const input = action === "add" ? outageSchema.safeParse(values) : null;
  if (input && !input.success) {
    for (const issue of input.error.issues) console.error(issue.message);
    return 2;
  }
  const handle = await openConfiguredDatabase(config);
  try {
    if (input?.success) {
      const { id } = await handle.db
        .insertInto("planned_outage")
        .values({
          starts_at: input.data.from,
          ends_at: input.data.to,
          reason: input.data.reason,
          created_by: "system:cli",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await new AuditWriter(resolveAuditKey(config)).write(
        handle.db,
        { staffId: null, loginId: "system:cli", counterId: null, clientIp: null },
        { action: "settings.change", target: `planned-outage:${id}`, detail: input.data, outcome: "success" },
      );
      console.log(`計画停止を登録しました (${input.data.from} 〜 ${input.data.to})`);
      return 0;
    }
    const rows = await handle.db.selectFrom("planned_outage").selectAll().orderBy("starts_at").execute();
    for (const r of rows) {
      console.log(
        `${new Date(r.starts_at).toISOString()}\t${new Date(r.ends_at).toISOString()}\t${r.reason}`,
      );
    }
    if (rows.length === 0) console.log("計画停止の登録はありません");
    return 0;
  } finally {
    await handle.close();
  }
}
