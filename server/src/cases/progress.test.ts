import type { ProgressList, ProgressUpdateResult } from "@ichimado/core/cases/progress";
import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { addDays, japanDate } from "@ichimado/core/common/dates";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withOwner } from "../db/owner.ts";
import { insertHouseholds } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { progressRowsQuery } from "./progress.ts";

// Runs once, just before the bulk change's next status step: another clerk's change lands between
// the bulk's own look at the row and the case lock.
const race = vi.hoisted(() => ({ before: undefined as (() => Promise<void>) | undefined }));
vi.mock("./residence-changes.ts", async (original) => {
  const real = await original<typeof import("./residence-changes.ts")>();
  return {
    ...real,
    setProcedureStatus: async (...args: Parameters<typeof real.setProcedureStatus>) => {
      const before = race.before;
      race.before = undefined;
      await before?.();
      return real.setProcedureStatus(...args);
    },
  };
});

let t: TestApp;
const cookies: Record<string, string> = {};
const today = japanDate(new Date());

const call = (who: string, method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
  t.call(method, url, { cookie: cookies[who], ...(body === undefined ? {} : { body }) });

async function detail(who: string, id: number): Promise<CaseDetail> {
  const res = await call(who, "GET", `/api/v1/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDetail;
}

async function progress(who: string, query = ""): Promise<ProgressList> {
  const res = await call(who, "GET", `/api/v1/procedures/progress${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ProgressList;
}

const kokuho = { programme: "nationalHealthInsurance", role: "insured", attributes: { insuredNumber: "1" } };
const household = (prefix: string, id: string) => ({
  id,
  townCode: "T001",
  lot: "5-6-7",
  members: [
    {
      id: `${prefix}01`,
      name: "進捗　一郎",
      nameKana: "シンチョク　イチロウ",
      birthDate: "1970-04-01",
      sex: "male" as const,
      relationship: "世帯主",
      enrollments: [kokuho],
    },
    {
      id: `${prefix}02`,
      name: "進捗　花子",
      nameKana: "シンチョク　ハナコ",
      birthDate: "1972-08-01",
      sex: "female" as const,
      relationship: "妻",
      enrollments: [kokuho],
    },
  ],
});

/** A move-out taken at 市民課; every procedure the counter given takes is set 受付済 there. */
async function movedOut(prefix: string, householdId: string): Promise<number> {
  const opened = await call("shimin", "POST", "/api/v1/cases", { channel: "visit" });
  const id = (opened.json() as { id: number }).id;
  const res = await call("shimin", "POST", `/api/v1/cases/${id}/residence-changes`, {
    kind: "moveOut",
    householdId,
    occurredOn: today,
    movingPersonIds: [`${prefix}01`, `${prefix}02`],
    outsideAddress: "島根県松江市殿町1番地",
  });
  expect(res.statusCode, res.body).toBe(201);
  return id;
}

async function receive(who: string, caseId: number, programme: string): Promise<number[]> {
  const procedures = (await detail(who, caseId)).procedures.filter((p) => p.programme === programme);
  expect(procedures.length).toBeGreaterThan(0);
  for (const p of procedures) {
    const res = await call(who, "PUT", `/api/v1/cases/${caseId}/procedures/${p.id}/status`, {
      status: "received",
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return procedures.map((p) => p.id);
}

let plainCase: number;
let protectedCase: number;
let nhiPlain: number[];
let nhiProtected: number[];
let residency: number[];

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, [
    household("93000000", "H930"),
    { ...household("94000000", "H940"), supportMeasure: true },
  ]);
  cookies.shimin = await t.loginAt("shimin2", "shimin", "residentClerk");
  cookies.hoken = await t.loginAt("hoken2", "hokennenkin", "insuranceClerk");
  cookies.chief = await t.loginAt("chief2", "hokennenkin", "supervisor");
  plainCase = await movedOut("93000000", "H930");
  protectedCase = await movedOut("94000000", "H940");
  residency = await receive("shimin", plainCase, "residency");
  nhiPlain = await receive("hoken", plainCase, "nationalHealthInsurance");
  nhiProtected = await receive("hoken", protectedCase, "nationalHealthInsurance");
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("the list", () => {
  it("shows only the procedures this counter takes, waiting for 審査 by default", async () => {
    const list = await progress("hoken");
    const ids = list.rows.map((r) => r.procedureId);
    expect(ids.sort()).toEqual([...nhiPlain, ...nhiProtected].sort());
    expect(list.rows.every((r) => r.status === "received" && r.daysWaiting === 0)).toBe(true);
    const row = list.rows.find((r) => r.procedureId === nhiPlain[0]);
    expect(row?.caseId).toBe(plainCase);
    expect(row?.received.counterName).toBe("保険年金課");
    expect(row?.received.staffName).toBe("テスト hoken2");
    expect(japanDate(new Date(row?.received.at ?? 0))).toBe(today);
    expect(list.procedures.map((p) => p.key)).toContain(row?.key);
    // 市民課 sees its own 転出届, not 国保
    const shimin = await progress("shimin");
    expect(shimin.rows.map((r) => r.procedureId)).toEqual(residency);
  });

  it("masks the address of a protected person for a role without supportMeasureView", async () => {
    const { rows } = await progress("hoken");
    const protectedRow = rows.find((r) => r.caseId === protectedCase);
    expect(protectedRow?.person?.name).toMatch(/^進捗/);
    expect(protectedRow?.person?.supportMeasure).toBe(true);
    expect(protectedRow?.person?.address).toEqual({ text: null, masked: true });
    const plainRow = rows.find((r) => r.caseId === plainCase);
    expect(plainRow?.person?.address?.text).toContain("5-6-7");
    expect(plainRow?.person?.supportMeasure).toBe(false);
  });

  it("filters by procedure and by the period of receipt", async () => {
    const key = (await progress("hoken")).rows[0]?.key as string;
    const byKey = await progress("hoken", `?procedure=${key}`);
    expect(byKey.rows.length).toBeGreaterThan(0);
    expect(byKey.rows.every((r) => r.key === key)).toBe(true);
    expect((await progress("hoken", `?to=${addDays(today, -1)}`)).rows).toHaveLength(0);
    expect((await progress("hoken", `?from=${today}&to=${today}`)).rows).toHaveLength(
      nhiPlain.length + nhiProtected.length,
    );
    expect((await progress("hoken", "?status=completed")).rows).toHaveLength(0);
  });

  it("refuses bad filters in Japanese and a role without reception", async () => {
    const status = await call("hoken", "GET", "/api/v1/procedures/progress?status=printed");
    expect(status.statusCode).toBe(400);
    expect(status.json().error.issues[0].message).toContain("状態は");
    const period = await call("hoken", "GET", `/api/v1/procedures/progress?from=${today}&to=2000-01-01`);
    expect(period.statusCode).toBe(400);
    expect(period.json().error.issues[0].message).toBe("受付日の末日は初日と同じ日か後の日にしてください");
    const date = await call("hoken", "GET", "/api/v1/procedures/progress?from=today");
    expect(date.statusCode).toBe(400);
    expect(date.json().error.issues[0].message).toContain("YYYY-MM-DD");
    expect((await call("chief", "GET", "/api/v1/procedures/progress")).statusCode).toBe(403);
    const bulk = await call("chief", "POST", "/api/v1/procedures/progress/status", {
      status: "reviewed",
      items: [{ caseId: plainCase, procedureId: nhiPlain[0], expected: "received" }],
    });
    expect(bulk.statusCode).toBe(403);
  });

  it("records who listed what, with the persons listed", async () => {
    await progress("hoken", `?from=${today}`);
    const row = await t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "person_ids", "detail", "login_id"])
      .where("target", "=", "procedures:progress")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(row.action).toBe("case.read");
    expect(row.login_id).toBe("hoken2");
    expect(row.person_ids).toEqual(expect.arrayContaining(["9300000001", "9400000001"]));
    expect(row.detail).toMatchObject({ statuses: ["received", "reviewed"], from: today });
  });
});

describe("the bulk change", () => {
  it("marks several 審査済 through the case's own step and reports each refusal", async () => {
    const bulk = (status: string, items: unknown[]) =>
      call("hoken", "POST", "/api/v1/procedures/progress/status", { status, items });
    const [a, b] = nhiPlain as [number, number];
    const res = await bulk("reviewed", [
      { caseId: plainCase, procedureId: a, expected: "received" },
      { caseId: plainCase, procedureId: b, expected: "received" },
      // another counter's procedure: the case screen's own permission check refuses it
      { caseId: plainCase, procedureId: residency[0], expected: "received" },
      // shown 審査済 but still 受付済: moved since the list was read
      { caseId: protectedCase, procedureId: nhiProtected[0], expected: "reviewed" },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const { results } = res.json() as ProgressUpdateResult;
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(results[2]?.message).toContain("受付権限がありません");
    expect(results[3]?.message).toContain("他の職員が状態を変えました");

    const after = await detail("hoken", plainCase);
    const statusOf = (id: number) => after.procedures.find((p) => p.id === id)?.status;
    expect([statusOf(a), statusOf(b), statusOf(residency[0] as number)]).toEqual([
      "reviewed",
      "reviewed",
      "received",
    ]);
    expect(
      after.history.filter((h) => h.kind === "procedureStatus" && h.summary.includes("審査済")),
    ).toHaveLength(2);
    // still received on the list: the receipt is kept when the status moves on
    const reviewed = await progress("hoken", "?status=reviewed");
    expect(reviewed.rows.map((r) => r.procedureId).sort()).toEqual([a, b].sort());
    expect(reviewed.rows[0]?.received.staffName).toBe("テスト hoken2");

    // 完了 skips no 審査: 受付済 is refused, 審査済 goes through
    const done = await bulk("completed", [
      { caseId: plainCase, procedureId: a, expected: "reviewed" },
      { caseId: protectedCase, procedureId: nhiProtected[0], expected: "received" },
    ]);
    const doneResults = (done.json() as ProgressUpdateResult).results;
    expect(doneResults.map((r) => r.ok)).toEqual([true, false]);
    expect(doneResults[1]?.message).toBe("受付済の手続きは完了にできません (審査済にしてから完了にします)");

    const audit = await t.ctx.db
      .selectFrom("audit_log")
      .select(["target", "outcome", "detail"])
      .where("login_id", "=", "hoken2")
      .where("action", "=", "case.change")
      .orderBy("seq", "desc")
      .limit(6)
      .execute();
    expect(audit.map((r) => r.outcome)).toEqual([
      "failure",
      "success",
      "failure",
      "failure",
      "success",
      "success",
    ]);
    expect(audit[0]?.target).toBe(`case:${protectedCase}`);
    expect(audit[2]?.detail).toMatchObject({ procedureId: nhiProtected[0], status: "reviewed" });
  });

  it("refuses a row another clerk moved after the list was checked, under the case lock", async () => {
    await insertHouseholds(t.database.ownerUrl, [household("95000000", "H950")]);
    cookies.hoken3 = await t.loginAt("hoken3", "hokennenkin", "insuranceClerk");
    const caseId = await movedOut("95000000", "H950");
    const [id] = (await receive("hoken", caseId, "nationalHealthInsurance")) as [number];
    const path = `/api/v1/cases/${caseId}/procedures/${id}/status`;
    expect((await call("hoken", "PUT", path, { status: "reviewed" })).statusCode).toBe(200);
    let other = 0;
    race.before = async () => {
      other = (await call("hoken3", "PUT", path, { status: "received" })).statusCode;
    };
    const res = await call("hoken", "POST", "/api/v1/procedures/progress/status", {
      status: "completed",
      items: [{ caseId, procedureId: id, expected: "reviewed" }],
    });
    expect(other).toBe(200);
    expect(res.statusCode, res.body).toBe(200);
    const [result] = (res.json() as ProgressUpdateResult).results;
    expect(result).toMatchObject({ procedureId: id, ok: false });
    expect(result?.message).toBe(
      "一覧の表示後に他の職員が状態を変えました (現在は 受付済)。一覧を更新してください",
    );
    const after = await detail("hoken", caseId);
    expect(after.procedures.find((p) => p.id === id)?.status).toBe("received");
    const lines = after.history.filter((h) => h.kind === "procedureStatus").map((h) => h.summary);
    expect(lines.at(-1)).toMatch(/審査済 → 受付済$/);
    expect(lines.some((l) => l.endsWith("→ 完了"))).toBe(false);
    const audit = await t.ctx.db
      .selectFrom("audit_log")
      .select(["outcome", "detail"])
      .where("login_id", "=", "hoken2")
      .where("action", "=", "case.change")
      .where("target", "=", `case:${caseId}`)
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.outcome).toBe("failure");
    expect(audit.detail).toMatchObject({ procedureId: id, status: "completed" });
  });

  it("refuses an empty choice in Japanese", async () => {
    const res = await call("hoken", "POST", "/api/v1/procedures/progress/status", {
      status: "reviewed",
      items: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].message).toBe("手続きを選んでください");
  });
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  Plans?: PlanNode[];
}
const planNodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(planNodes)];

describe("the list over years of 完了", () => {
  it("reads each programme and status through its index, oldest first, stopping at the limit", async () => {
    // 3,000 more 完了 across the counter's programmes and another counter's
    await withOwner(t.database.ownerUrl, async (db) => {
      await sql`
        insert into case_procedure (case_id, procedure_key, catalog_version, definition, source, status,
          updated_by, updated_counter)
        select case_id, procedure_key, catalog_version,
          definition || jsonb_build_object('programme',
            (array['nationalHealthInsurance', 'nationalPension', 'lateElderlyMedical', 'residency'])[1 + g % 4]),
          'manual', 'completed', updated_by, updated_counter
        from case_procedure, generate_series(1, 3000) g where id = ${nhiPlain[0]}`.execute(db);
      await sql`analyze case_procedure`.execute(db);
    });
    const programmes = ["nationalHealthInsurance", "nationalPension", "lateElderlyMedical"] as const;
    const { rows: oldest } = await sql<{ id: number }>`
      select id from case_procedure
      where status = 'completed' and definition->>'programme' = any(${[...programmes]}::text[])
      order by received_at, id limit 300`.execute(t.ctx.db);
    const list = await progress("hoken", "?status=completed");
    expect(list.truncated).toBe(true);
    expect(list.rows.map((r) => r.procedureId)).toEqual(oldest.map((r) => Number(r.id)));

    const staff = { roleIds: ["insuranceClerk"], acceptedProgrammes: new Set(programmes) };
    const rows = await t.ctx.db.transaction().execute(async (trx) => {
      // At this test's size the planner may as well read each programme's few hundred rows whole;
      // the question is whether the index can give them in order and stop at the limit (at 1.5
      // million procedures PostgreSQL chooses that by itself).
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_bitmapscan = off`.execute(trx);
      const explained = await sql<{ "QUERY PLAN": [{ Plan?: PlanNode }] }>`
        explain (analyze, format json) ${progressRowsQuery(staff, { status: "completed" })}`.execute(trx);
      return explained.rows;
    });
    const plan = rows[0]?.["QUERY PLAN"][0]?.Plan;
    const scans = (plan ? planNodes(plan) : []).filter((n) => n["Relation Name"] === "case_procedure");
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      expect(scan["Node Type"]).toBe("Index Scan");
      expect(scan["Index Name"]).toBe("case_procedure_programme_progress");
      // each programme's scan stops at the list's limit (301) instead of reading its 750 完了
      expect(scan["Actual Rows"]).toBeLessThanOrEqual(301);
    }
  });
});
