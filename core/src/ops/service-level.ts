import { z } from "zod";

/** Spec D: 稼働率 99.5% or more, and 99.9% of requests answered within 3 seconds. */
export const availabilityGoal = 0.995;
export const responseGoal = 0.999;

/** What the database holds for one day, summed over the instances. */
export interface ServiceLevelDayInput {
  day: string;
  requests: number;
  withinGoal: number;
  serverErrors: number;
  excluded: number;
  /** minutes in which some instance reached the database */
  upMinutes: number;
  /** minutes of the day the service was due to run: elapsed, less planned stops */
  dueMinutes: number;
}

export const serviceLevelDaySchema = z.object({
  day: z.string(),
  requests: z.number().int(),
  withinGoal: z.number().int(),
  serverErrors: z.number().int(),
  excluded: z.number().int(),
  upMinutes: z.number().int(),
  dueMinutes: z.number().int(),
  /** null when nothing was asked that day */
  withinGoalShare: z.number().nullable(),
  /** null when no minute was due (a whole-day planned stop) */
  availability: z.number().nullable(),
  meetsResponseGoal: z.boolean(),
  meetsAvailabilityGoal: z.boolean(),
});
export type ServiceLevelDay = z.infer<typeof serviceLevelDaySchema>;

export const serviceLevelReportSchema = z.object({
  days: z.array(serviceLevelDaySchema),
  total: serviceLevelDaySchema.omit({ day: true }),
});
export type ServiceLevelReport = z.infer<typeof serviceLevelReportSchema>;

function judge(d: Omit<ServiceLevelDayInput, "day">): Omit<ServiceLevelDay, "day"> {
  const withinGoalShare = d.requests > 0 ? d.withinGoal / d.requests : null;
  // More heartbeat minutes than due ones happen when an instance ran through a planned stop.
  const availability = d.dueMinutes > 0 ? Math.min(1, d.upMinutes / d.dueMinutes) : null;
  return {
    ...d,
    withinGoalShare,
    availability,
    meetsResponseGoal: withinGoalShare === null || withinGoalShare >= responseGoal,
    meetsAvailabilityGoal: availability === null || availability >= availabilityGoal,
  };
}

/** Each day judged against the goals, and the period as a whole (the SLA is judged monthly). */
export function serviceLevelReport(days: readonly ServiceLevelDayInput[]): ServiceLevelReport {
  const sum = (key: keyof Omit<ServiceLevelDayInput, "day">) => days.reduce((n, d) => n + d[key], 0);
  return {
    days: days.map((d) => ({ day: d.day, ...judge(d) })),
    total: judge({
      requests: sum("requests"),
      withinGoal: sum("withinGoal"),
      serverErrors: sum("serverErrors"),
      excluded: sum("excluded"),
      upMinutes: sum("upMinutes"),
      dueMinutes: sum("dueMinutes"),
    }),
  };
}

/**
 * Minutes of [dayStart, dayEnd) the service was due: those not inside a planned stop. Stops may
 * overlap each other and the day's edges; times in epoch milliseconds.
 */
export function dueMinutes(
  dayStart: number,
  dayEnd: number,
  plannedStops: readonly { startsAt: number; endsAt: number }[],
): number {
  const clipped = plannedStops
    .map((s) => ({ start: Math.max(s.startsAt, dayStart), end: Math.min(s.endsAt, dayEnd) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  let stopped = 0;
  let reach = dayStart;
  for (const s of clipped) {
    const start = Math.max(s.start, reach);
    if (s.end > start) stopped += s.end - start;
    reach = Math.max(reach, s.end);
  }
  return Math.max(0, Math.floor((dayEnd - dayStart - stopped) / 60_000));
}
