import {
  type FeedStatus,
  type ImportRun,
  type ImportRunStatus,
  importRunStatusLabels,
} from "@ichimado/core/feeds/schemas";

type Feed = FeedStatus["feeds"][number];

const day = 24 * 60 * 60 * 1000;

const dateTime = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** 2026/05/01 09:30, in the city's own time whatever the workstation's clock says. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** How long ago, as staff would say it: たった今, 5分前, 3時間前, 2日前. */
export function ageLabel(iso: string, now: number): string {
  const ms = Math.max(0, now - Date.parse(iso));
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "たった今";
  if (minutes < 60) return `${minutes}分前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}時間前`;
  return `${Math.floor(hours / 24)}日前`;
}

/** Never loaded, or loaded more than a day ago: the counter may be reading old data. */
export function isStale(loadedAt: string | null, now: number): boolean {
  return loadedAt === null || now - Date.parse(loadedAt) > day;
}

const troubled: readonly ImportRunStatus[] = ["rejected", "failed", "interrupted"];

/** Why a feed needs attention (P48 システム状態); empty when it is fine. */
export function feedAttention(feed: Feed, now: number): string[] {
  const reasons: string[] = [];
  if (feed.loadedAt === null) reasons.push("未取込");
  else if (isStale(feed.loadedAt, now)) reasons.push("1日以上前");
  if (feed.lastRun && troubled.includes(feed.lastRun.status)) {
    reasons.push(importRunStatusLabels[feed.lastRun.status]);
  }
  return reasons;
}

export type StatusTone = "success" | "error" | "warning" | "progress";

export function statusTone(status: ImportRunStatus): StatusTone {
  if (status === "succeeded") return "success";
  if (status === "rejected" || status === "failed") return "error";
  if (status === "interrupted") return "warning";
  return "progress";
}

export function rowCounts(run: ImportRun): string {
  return `取込 ${run.rowsLoaded.toLocaleString("ja-JP")} 行 / 除外 ${run.rowsRejected.toLocaleString("ja-JP")} 行`;
}
