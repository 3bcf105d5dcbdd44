import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { hashPassword } from "../auth/service.ts";
import { startServerProcess } from "../testing/server-process.ts";

/**
 * `npm run bench -- load`: the real server in its own process on PostgreSQL with the demo city,
 * and 550 staff (the city's headcount) working through visits: search, the person and household,
 * a case with its visitor, subject and memo, a certificate quote and request now and then, and the
 * 手続き案内書 printed for some. Every request's latency from this process (client side, so it
 * includes the loopback and the client's own queueing), as p50/p99/p99.9 per kind and overall.
 */
const password = "load-bench-password-1";

/** The reception roles of the default organisation, at their counters. */
const placements: [counterId: string, roleId: string][] = [
  ["shimin", "residentClerk"],
  ["shimin", "residentClerk"],
  ["shimin", "residentClerk"],
  ["hokennenkin", "insuranceClerk"],
  ["koreisha", "elderlyCareClerk"],
  ["kodomo", "childClerk"],
  ["fukushi", "welfareClerk"],
  ["shiminzei", "taxClerk"],
  ["hirata", "branchClerk"],
];

interface Person {
  id: string;
  kana: string;
  household: string;
  name: string;
}

type Kind =
  | "login"
  | "search"
  | "person"
  | "household"
  | "case.open"
  | "case.visitor"
  | "case.subject"
  | "case.memo"
  | "case.read"
  | "case.close"
  | "certificate.quote"
  | "certificate.accept"
  | "print.guide";

class Recorder {
  readonly latencies = new Map<Kind, number[]>();
  readonly errors = new Map<string, number>();
  measuring = false;

  async time<T>(
    kind: Kind,
    call: () => Promise<Response>,
    expect: number[],
    parse?: (r: Response) => Promise<T>,
  ) {
    const started = performance.now();
    let label: string | undefined;
    let value: T | undefined;
    try {
      const res = await call();
      value = parse && expect.includes(res.status) ? await parse(res) : undefined;
      if (!parse) await res.arrayBuffer();
      if (!expect.includes(res.status)) label = `${kind} ${res.status}`;
    } catch (error) {
      label = `${kind} ${(error as Error).message}`;
    }
    const ms = performance.now() - started;
    if (this.measuring) {
      const list = this.latencies.get(kind) ?? [];
      list.push(ms);
      this.latencies.set(kind, list);
      if (label) this.errors.set(label, (this.errors.get(label) ?? 0) + 1);
    }
    return label ? undefined : value;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

class Clerk {
  private cookie = "";
  constructor(
    private readonly base: string,
    private readonly loginId: string,
    private readonly counterId: string,
    private readonly recorder: Recorder,
  ) {}

  private request(method: string, url: string, body?: unknown): Promise<Response> {
    return fetch(`${this.base}${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        "x-requested-with": "ichimado",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async login(): Promise<void> {
    const res = await this.request("POST", "/api/v1/auth/login", { loginId: this.loginId, password });
    if (res.status !== 200) throw new Error(`login ${this.loginId}: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const counter = await this.request("POST", "/api/v1/auth/counter", { counterId: this.counterId });
    if (counter.status !== 200) throw new Error(`counter ${this.loginId}: ${counter.status}`);
  }

  /** One visitor at the counter, with think time between the clerk's steps. */
  async visit(person: Person, think: () => Promise<void>, roll: () => number): Promise<void> {
    const r = this.recorder;
    const json = (res: Response) => res.json() as Promise<{ id: number }>;
    await r.time(
      "search",
      () => this.request("GET", `/api/v1/search/persons?name=${encodeURIComponent(person.kana)}`),
      [200],
    );
    await think();
    await r.time("person", () => this.request("GET", `/api/v1/persons/${person.id}`), [200]);
    await think();
    await r.time("household", () => this.request("GET", `/api/v1/households/${person.household}`), [200]);
    await think();
    const opened = await r.time(
      "case.open",
      () => this.request("POST", "/api/v1/cases", { channel: "visit" }),
      [201],
      json,
    );
    if (!opened) return;
    const id = opened.id;
    await think();
    await r.time(
      "case.visitor",
      () =>
        this.request("PUT", `/api/v1/cases/${id}/visitor`, {
          personId: person.id,
          name: person.name,
          relation: "self",
        }),
      [200],
    );
    await think();
    await r.time(
      "case.subject",
      () => this.request("POST", `/api/v1/cases/${id}/subjects`, { personId: person.id }),
      [201],
    );
    await think();
    // 証明受付 happens where the role has it: 市民課 and the 行政センター.
    const takesCertificates = this.counterId === "shimin" || this.counterId === "hirata";
    if (takesCertificates && roll() < 0.3) {
      const request = {
        requester: { kind: "self" },
        lines: [
          {
            certificateKey: "certificate-resident-record",
            personId: person.id,
            quantity: 1,
            purpose: "employment",
          },
        ],
      };
      await r.time(
        "certificate.quote",
        () => this.request("POST", "/api/v1/certificates/quote", request),
        [200],
      );
      await think();
      if (roll() < 0.5) {
        await r.time(
          "certificate.accept",
          () => this.request("POST", `/api/v1/cases/${id}/certificate-requests`, request),
          [201],
        );
        await think();
      }
    }
    await r.time(
      "case.memo",
      () => this.request("POST", `/api/v1/cases/${id}/memos`, { text: "来庁目的を確認" }),
      [201],
    );
    await think();
    await r.time("case.read", () => this.request("GET", `/api/v1/cases/${id}`), [200]);
    await think();
    if (roll() < 0.1) {
      await r.time("print.guide", () => this.request("GET", `/api/v1/cases/${id}/guide-sheet.pdf`), [200]);
      await think();
    }
    await r.time("case.close", () => this.request("POST", `/api/v1/cases/${id}/close`), [200]);
  }
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      staff: { type: "string", default: "550" },
      seconds: { type: "string", default: "300" },
      // A clerk's step every 15 s on average (7.5–22.5 s): a visit of ten steps in about
      // two and a half minutes of screen work. --think-ms 5000 is the stress setting.
      "think-ms": { type: "string", default: "15000" },
      residents: { type: "string", default: "200000" },
      database: { type: "string" },
    },
  });
  const server = process.env.DATABASE_URL;
  if (!server)
    throw new Error("DATABASE_URL (PostgreSQL) を指定してください: the load bench runs on PostgreSQL");
  const staffCount = Number(values.staff);
  const seconds = Number(values.seconds);
  const thinkMs = Number(values["think-ms"]);
  const residents = Number(values.residents);

  // --database names a database kept between runs: the first fills it, later ones reuse the city
  // (a new one takes minutes to generate).
  const name = values.database ?? `ichimado_load_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ichimado-load-"));
  console.error(`database ${name}; starting the server (a new city of ${residents} takes a few minutes)…`);
  let app: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  try {
    app = await startServer(url.toString(), dataDir, residents);
    const errors = await measure(app.url, url.toString(), { staffCount, seconds, thinkMs, residents });
    // The server's own account of its failures (no personal data: its log holds none).
    if (errors > 0) {
      const logged = app
        .output()
        .split("\n")
        .filter((l) => l.includes('"level":50'));
      console.error(`server errors logged: ${logged.length}; the first:\n${logged.slice(0, 3).join("\n")}`);
    }
  } finally {
    app?.child.kill("SIGTERM");
    await app?.exited;
    if (!values.database) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

interface LoadOptions {
  staffCount: number;
  seconds: number;
  thinkMs: number;
  residents: number;
}

async function startServer(databaseUrl: string, dataDir: string, residents: number) {
  const started = Date.now();
  const app = await startServerProcess(
    {
      DATABASE_URL: databaseUrl,
      ICHIMADO_DATA_DIR: dataDir,
      DEMO_RESIDENTS: String(residents),
      FEED_POLL_SECONDS: "0",
      WEB_DIST: path.join(dataDir, "no-web"),
      LOG_LEVEL: "error",
    },
    ["--demo"],
    30 * 60_000,
  );
  console.error(`server ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return app;
}

/** The staff accounts (one password hash for all: hashing 550 times would only slow the set-up). */
async function prepare(databaseUrl: string, staffCount: number) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const hash = await hashPassword(password);
    const logins: { loginId: string; counterId: string }[] = [];
    for (let i = 0; i < staffCount; i++) {
      const [counterId, roleId] = placements[i % placements.length] as [string, string];
      const loginId = `load${String(i).padStart(4, "0")}`;
      const { rows } = await db.query<{ id: string }>(
        `insert into staff_user (login_id, name, password_hash, valid_from, must_change_password)
         values ($1, $2, $3, '2020-04-01', false)
         on conflict (login_id) do update set password_hash = excluded.password_hash returning id`,
        [loginId, `負荷 ${i}`, hash],
      );
      await db.query(
        "insert into staff_assignment (staff_id, counter_id, role_id) values ($1, $2, $3) on conflict do nothing",
        [rows[0]?.id, counterId, roleId],
      );
      logins.push({ loginId, counterId });
    }
    // Ordinary residents: a visit by someone under 支援措置, 発行禁止 or 滞納 ends in a block, by design.
    const { rows: people } = await db.query<Person>(`
      select p.id, split_part(p.name_kana, '　', 1) as kana, p.household_id as household, p.name
      from person p
      where p.kind = 'resident' and p.status = 'active' and p.household_id is not null
        and not exists (select 1 from support_measure s where s.person_id = p.id)
        and not exists (select 1 from issuance_ban b where b.person_id = p.id)
        and not exists (select 1 from arrears a where a.person_id = p.id)
      order by md5(p.id) limit 20000`);
    return { logins, people };
  } finally {
    await db.end();
  }
}

/** Runs the staff for the period and prints the table; returns the number of failed requests. */
async function measure(base: string, databaseUrl: string, o: LoadOptions): Promise<number> {
  const { logins, people } = await prepare(databaseUrl, o.staffCount);
  const recorder = new Recorder();
  const clerks = logins.map((l) => new Clerk(base, l.loginId, l.counterId, recorder));
  const loginStart = Date.now();
  for (let i = 0; i < clerks.length; i += 8) await Promise.all(clerks.slice(i, i + 8).map((c) => c.login()));
  console.error(`${clerks.length} staff logged in in ${((Date.now() - loginStart) / 1000).toFixed(0)} s`);

  let seed = 20261205;
  const roll = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  let running = true;
  const think = () => new Promise<void>((r) => setTimeout(r, o.thinkMs * (0.5 + roll())));
  const rampMs = Math.min(o.thinkMs * 2, 20_000);
  const workers = clerks.map(async (clerk, i) => {
    // Staff start over the ramp, not all on the same millisecond.
    await new Promise((r) => setTimeout(r, (rampMs * i) / clerks.length));
    let visit = i;
    while (running) {
      visit += o.staffCount;
      await clerk.visit(people[visit % people.length] as Person, think, roll);
    }
  });
  await new Promise((r) => setTimeout(r, rampMs));
  recorder.measuring = true;
  const measuredFrom = Date.now();
  await new Promise((r) => setTimeout(r, o.seconds * 1000));
  recorder.measuring = false;
  const measuredSeconds = (Date.now() - measuredFrom) / 1000;
  running = false;
  await Promise.all(workers);
  report(recorder, o, measuredSeconds, rampMs);
  return [...recorder.errors.values()].reduce((a, b) => a + b, 0);
}

function report(recorder: Recorder, o: LoadOptions, measuredSeconds: number, rampMs: number): void {
  const all = [...recorder.latencies.values()].flat().sort((a, b) => a - b);
  const errors = [...recorder.errors.values()].reduce((a, b) => a + b, 0);
  const row = (label: string, sorted: number[]) =>
    `| ${label} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${percentile(sorted, 99.9).toFixed(1)} | ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(1)} |`;
  const errorList = [...recorder.errors].map(([k, n]) => `${k} ×${n}`).join(", ");
  console.log(
    `\n\`DATABASE_URL=… npm run bench -- load --staff ${o.staffCount} --seconds ${o.seconds} --think-ms ${o.thinkMs} --residents ${o.residents}\``,
  );
  console.log(
    `\n${o.staffCount} staff, think time ${o.thinkMs / 2}–${(o.thinkMs * 3) / 2} ms between steps, ${measuredSeconds.toFixed(0)} s measured after a ${rampMs / 1000} s ramp: ${all.length} requests (${(all.length / measuredSeconds).toFixed(1)}/s), ${errors} errors${errors ? ` (${errorList})` : ""}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, with the server, PostgreSQL and this client on it.\n`,
  );
  console.log("| request | count | p50 ms | p99 ms | p99.9 ms | max ms |");
  console.log("|---|---:|---:|---:|---:|---:|");
  console.log(row("**all**", all));
  for (const [kind, list] of [...recorder.latencies].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(
      row(
        kind,
        [...list].sort((a, b) => a - b),
      ),
    );
  }
}
