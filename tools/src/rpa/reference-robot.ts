import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { apiErrorSchema } from "@ichimado/core/common/errors";
import { formatWareki } from "@ichimado/core/common/wareki";
import {
  type ClaimedJob,
  claimResponseSchema,
  jobReportSchema,
  type RpaJobStatus,
} from "@ichimado/core/rpa/jobs";
import {
  type RpaScenario,
  residenceEntryPayloadSchema,
  rpaScenarioLabels,
  rpaScenarioSchema,
} from "@ichimado/core/rpa/scenarios";
import { type Browser, chromium, type Page } from "playwright";
import { moveOutEntryPath } from "./sample-core-system.ts";

/**
 * The reference robot (issue 9): takes jobs from Ichimado with an API token and types each into
 * its core-system screen in a headless browser, as a person at the screen would (by the fields'
 * labels), then reports the result. It is written against the sample core system in this folder; a
 * city's robot replaces the fillers with its own screens and keeps the rest.
 */

/** The core system refused what was typed: trying again cannot help, so the job stops for staff. */
class CoreSystemRefusal extends Error {}

/**
 * Types one job into its core-system screen and returns the numbers the screen gave. Throws
 * CoreSystemRefusal with the screen's own message when the screen refuses the data.
 */
type Filler = (page: Page, job: ClaimedJob, coreSystemUrl: string) => Promise<string[]>;

/** 転出入力: one entry per person leaving, on the 異動入力 screen, with dates in 和暦 as it asks. */
const typeMoveOut: Filler = async (page, job, coreSystemUrl) => {
  const parsed = residenceEntryPayloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new CoreSystemRefusal("ジョブのデータが転出入力の形ではありません");
  const entry = parsed.data;
  const numbers: string[] = [];
  for (const person of entry.persons) {
    await page.goto(new URL(moveOutEntryPath, coreSystemUrl).href);
    await page.getByLabel("宛名番号").fill(person.personId);
    await page.getByLabel("氏名").fill(person.name);
    await page.getByLabel("異動日").fill(formatWareki(entry.occurredOn, "short"));
    await page.getByLabel("届出日").fill(formatWareki(entry.notifiedOn, "short"));
    await page.getByLabel("転出先住所").fill(entry.outsideAddress ?? "");
    // Without a 届出人 the field stays empty and the screen says so: the job stops for staff.
    await page
      .getByLabel("届出人")
      .fill(entry.notifier ? `${entry.notifier.name}（${entry.notifier.relation}）` : "");
    await page.getByRole("button", { name: "登録" }).click();
    const registered = page.getByRole("status");
    const refused = page.getByRole("alert");
    await registered.or(refused).waitFor();
    if (await refused.isVisible()) {
      const message = (await refused.textContent())?.trim() ?? "";
      // Entries already made are named, so staff know what to correct in the core system.
      const made = numbers.length > 0 ? `（登録済みの異動番号: ${numbers.join("、")}）` : "";
      throw new CoreSystemRefusal(`${person.name}: ${message}${made}`);
    }
    numbers.push((await page.locator("#entry-number").textContent())?.trim() ?? "");
  }
  return numbers;
};

/** What this robot can type: a scenario is added with its filler here. */
const fillers: Partial<Record<RpaScenario, Filler>> = {
  moveOutEntry: typeMoveOut,
};

export interface RobotOptions {
  /** Ichimado's base URL, e.g. `http://localhost:3000` */
  apiBase: string;
  /** an API token of scope rpa */
  token: string;
  /** the core system's base URL */
  coreSystemUrl: string;
  /** the scenarios to take; all this robot can type when left out */
  scenarios?: readonly RpaScenario[];
  /** work until no job is left, then return; otherwise ask again every pollSeconds until stopped */
  once?: boolean;
  pollSeconds?: number;
  leaseSeconds?: number;
  /** a Chromium to drive (e.g. `/usr/bin/chromium`); Playwright's own when left out */
  executablePath?: string;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface JobOutcome {
  id: number;
  scenario: RpaScenario;
  /** what the server says the job is now (done, failed to be retried, or dead) */
  status: RpaJobStatus;
  /** the numbers the core system gave, one per entry */
  entryNumbers: string[];
  error: string | null;
}

/** Ichimado's robot API, with the token; every answer is read with the shared schemas. */
function robotApi(apiBase: string, token: string) {
  const call = async (route: string, body?: object): Promise<unknown> => {
    const url = new URL(`/api/v1/rpa/jobs${route}`, apiBase);
    const response = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    }).catch((e: unknown) => {
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
      throw new Error(`いちまど (${url.origin}) に接続できません: ${cause}`);
    });
    const answer: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = apiErrorSchema.safeParse(answer);
      throw new Error(
        `いちまどが ${route} を断りました (${response.status}): ${error.success ? error.data.error.message : "応答を読めません"}`,
      );
    }
    return answer;
  };
  return {
    claim: async (scenarios: readonly RpaScenario[], leaseSeconds: number) =>
      claimResponseSchema.parse(await call("/claim", { scenarios, leaseSeconds, max: 1 })).jobs,
    done: async (id: number) => jobReportSchema.parse(await call(`/${id}/done`)).status,
    failed: async (id: number, message: string, retryable: boolean) =>
      jobReportSchema.parse(await call(`/${id}/failed`, { message: message.slice(0, 1000), retryable }))
        .status,
  };
}

/** Types one job and reports it; a report the server refuses (the lease ran out) is logged, not thrown. */
async function work(
  browser: Browser,
  api: ReturnType<typeof robotApi>,
  job: ClaimedJob,
  coreSystemUrl: string,
  log: (line: string) => void,
): Promise<JobOutcome | null> {
  const label = `ジョブ ${job.id} ${rpaScenarioLabels[job.scenario]}（${job.attempt}回目）`;
  const filler = fillers[job.scenario];
  const context = await browser.newContext({ locale: "ja-JP" });
  let entryNumbers: string[] = [];
  let error: string | null = null;
  let retryable = true;
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    if (!filler)
      throw new CoreSystemRefusal(`このロボットは${rpaScenarioLabels[job.scenario]}を入力できません`);
    entryNumbers = await filler(page, job, coreSystemUrl);
  } catch (e) {
    retryable = !(e instanceof CoreSystemRefusal);
    const reason = e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e);
    error = retryable ? `基幹システムの画面を操作できませんでした: ${reason}` : reason;
  } finally {
    await context.close();
  }
  try {
    const status = error === null ? await api.done(job.id) : await api.failed(job.id, error, retryable);
    log(
      `${label}: ${error === null ? `登録しました ${entryNumbers.join("、")}` : `失敗 (${status}) ${error}`}`,
    );
    return { id: job.id, scenario: job.scenario, status, entryNumbers, error };
  } catch (e) {
    log(`${label}: 結果を報告できませんでした: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/**
 * Takes jobs one at a time (so a lease never runs out behind a queue of others) and types them in.
 * Returns what was done, when the queue is empty (`once`) or when `signal` stops it.
 */
export async function runRobot(options: RobotOptions): Promise<JobOutcome[]> {
  const scenarios = options.scenarios ?? (Object.keys(fillers) as RpaScenario[]);
  const missing = scenarios.filter((s) => !fillers[s]);
  if (missing.length > 0)
    throw new Error(`このロボットは ${missing.map((s) => rpaScenarioLabels[s]).join("、")} を入力できません`);
  const log = options.log ?? ((line: string) => console.log(line));
  const api = robotApi(options.apiBase, options.token);
  const outcomes: JobOutcome[] = [];
  const browser = await chromium.launch({ headless: true, executablePath: options.executablePath });
  try {
    while (!options.signal?.aborted) {
      let jobs: ClaimedJob[];
      try {
        jobs = await api.claim(scenarios, options.leaseSeconds ?? 300);
      } catch (e) {
        if (options.once) throw e;
        log(e instanceof Error ? e.message : String(e));
        jobs = [];
      }
      for (const job of jobs) {
        const outcome = await work(browser, api, job, options.coreSystemUrl, log);
        if (outcome) outcomes.push(outcome);
      }
      if (jobs.length > 0) continue;
      if (options.once) break;
      await sleep((options.pollSeconds ?? 10) * 1000, undefined, { signal: options.signal }).catch(
        () => undefined,
      );
    }
  } finally {
    await browser.close();
  }
  return outcomes;
}

// The command line: `node --import tsx tools/src/rpa/reference-robot.ts --api … --token … --core …`.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const usage =
    "使い方: reference-robot.ts --api http://localhost:3000 --token トークン（または環境変数 ICHIMADO_ROBOT_TOKEN）--core http://localhost:4000 [--scenarios moveOutEntry] [--once] [--poll 秒] [--chromium /usr/bin/chromium]";
  const parsed = (() => {
    try {
      return parseArgs({
        options: {
          api: { type: "string", default: "http://localhost:3000" },
          token: { type: "string" },
          core: { type: "string", default: "http://localhost:4000" },
          scenarios: { type: "string" },
          once: { type: "boolean", default: false },
          poll: { type: "string", default: "10" },
          chromium: { type: "string" },
        },
      }).values;
    } catch {
      return null;
    }
  })();
  // A token on the command line is visible to every user of the machine: the environment is preferred.
  const token = parsed?.token ?? process.env.ICHIMADO_ROBOT_TOKEN;
  const scenarios = rpaScenarioSchema
    .array()
    .min(1)
    .optional()
    .safeParse(parsed?.scenarios?.split(",").filter(Boolean));
  if (!parsed || !token || !scenarios.success) {
    console.error(usage);
    process.exit(2);
  }
  const values = parsed;
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  const chromiumPath = values.chromium ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  await runRobot({
    apiBase: values.api,
    token,
    coreSystemUrl: values.core,
    scenarios: scenarios.data,
    once: values.once,
    pollSeconds: Number(values.poll) || 10,
    executablePath: chromiumPath,
    signal: stop.signal,
  }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
