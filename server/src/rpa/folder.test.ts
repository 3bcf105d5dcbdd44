import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ClaimedJob, RpaJobView } from "@ichimado/core/rpa/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../auth/api-tokens.ts";
import { withOwner } from "../db/owner.ts";
import { insertHouseholds, plainMember } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { RpaFolder } from "./folder.ts";

/** RPA for robots that read files: jobs written out per scenario, answered with result files. */
let t: TestApp;
let clerk: string;
let robot: string;
let dir: string;
let folder: RpaFolder;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-rpa-folder-"));
  t = await createTestApp({ RPA_FOLDER: dir, RPA_FOLDER_SCENARIOS: "sealCertificateIssue" });
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H900",
      townCode: "T001",
      lot: "9-1",
      members: [plainMember("9000000001", "書類　一郎", "世帯主")],
    },
  ]);
  await withOwner(t.database.ownerUrl, async (db) => {
    robot = await createApiToken(db, { name: "robot-pull", scopes: ["rpa"], createdBy: null });
  });
  clerk = await t.loginAt("folderclerk", "shimin", "residentClerk");
  folder = new RpaFolder(t.ctx, dir, ["sealCertificateIssue"], 60_000, () => undefined);
}, 180_000);
afterAll(async () => {
  await t?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

async function requestSeal(copies: number): Promise<number> {
  const opened = await t.call("POST", "/api/v1/cases", { cookie: clerk, body: { channel: "visit" } });
  const caseId = (opened.json() as { id: number }).id;
  const accepted = await t.call("POST", `/api/v1/cases/${caseId}/certificate-requests`, {
    cookie: clerk,
    body: {
      requester: { kind: "self" },
      lines: [
        {
          certificateKey: "certificate-seal",
          personId: "9000000001",
          quantity: copies,
          purpose: "realEstate",
        },
        {
          certificateKey: "certificate-resident-record",
          personId: "9000000001",
          quantity: 1,
          purpose: "realEstate",
        },
      ],
    },
  });
  expect(accepted.statusCode, accepted.body).toBe(201);
  return caseId;
}
const jobsOf = async (caseId: number) =>
  (
    (await t.call("GET", `/api/v1/cases/${caseId}/rpa-jobs`, { cookie: clerk })).json() as {
      jobs: RpaJobView[];
    }
  ).jobs;

describe("the RPA folder", () => {
  it("writes its scenarios' jobs as JSON and CSV, and takes a robot's answers from result files", async () => {
    const caseId = await requestSeal(2);
    // Before the folder's next look, a pulling robot still gets only the 住民票: the 印鑑証明 is the folder's.
    const pulled = await t.call("POST", "/api/v1/rpa/jobs/claim", {
      token: robot,
      csrf: false,
      body: { max: 5 },
    });
    expect((pulled.json() as { jobs: ClaimedJob[] }).jobs.map((j) => j.scenario)).toEqual([
      "residentRecordIssue",
    ]);
    expect(await folder.poll()).toEqual({ answered: 0, written: 1 });
    const seal = (await jobsOf(caseId)).find((j) => j.scenario === "sealCertificateIssue");
    expect(seal).toMatchObject({ statusLabel: "処理中", robot: "@folder" });
    const outbox = path.join(dir, "outbox", "sealCertificateIssue");
    const json = JSON.parse(await fs.readFile(path.join(outbox, `${seal?.id}.json`), "utf8"));
    expect(json).toMatchObject({
      id: seal?.id,
      scenario: "sealCertificateIssue",
      caseId,
      person: { personId: "9000000001", name: "書類　一郎" },
      copies: 2,
    });
    const csv = await fs.readFile(path.join(outbox, `${seal?.id}.csv`), "utf8");
    const [header, row] = csv.split("\r\n");
    expect(header?.startsWith("\uFEFFid,scenario,attempt,caseId")).toBe(true);
    expect(header).toContain("person.personId,person.name");
    expect(row).toContain("9000000001,書類　一郎");
    // Personal data: only the server's user may read the files.
    expect((await fs.stat(path.join(outbox, `${seal?.id}.json`))).mode & 0o777).toBe(0o600);
    // Asked for by name, the folder's scenario still gives a pulling robot nothing.
    const onlyFolder = await t.call("POST", "/api/v1/rpa/jobs/claim", {
      token: robot,
      csrf: false,
      body: { scenarios: ["sealCertificateIssue"] },
    });
    expect(onlyFolder.json()).toEqual({ jobs: [] });

    await fs.writeFile(path.join(dir, "results", `${seal?.id}.done`), "");
    expect(await folder.poll()).toEqual({ answered: 1, written: 0 });
    expect((await jobsOf(caseId)).find((j) => j.id === seal?.id)?.statusLabel).toBe("入力済み");
    await expect(fs.access(path.join(outbox, `${seal?.id}.json`))).rejects.toThrow();
    await expect(fs.access(path.join(dir, "results", `${seal?.id}.done`))).rejects.toThrow();
  });

  it("stops a job the robot refuses, with its message, and keeps aside an answer for a job it does not hold", async () => {
    const caseId = await requestSeal(1);
    await folder.poll();
    const seal = (await jobsOf(caseId)).find((j) => j.scenario === "sealCertificateIssue");
    await fs.writeFile(path.join(dir, "results", `${seal?.id}.refused`), "印鑑登録が廃止されています\n");
    await fs.writeFile(path.join(dir, "results", "999999.done"), "");
    await fs.writeFile(path.join(dir, "results", "notes.txt"), "ロボットのメモ");
    expect(await folder.poll()).toEqual({ answered: 1, written: 0 });
    expect((await jobsOf(caseId)).find((j) => j.id === seal?.id)).toMatchObject({
      statusLabel: "停止（要確認）",
      lastError: "印鑑登録が廃止されています",
    });
    expect(await fs.readFile(path.join(dir, "results", "rejected", "999999.done.reason.txt"), "utf8")).toBe(
      "指定されたジョブはありません\n",
    );
    // What is not a result is left alone.
    expect(await fs.readFile(path.join(dir, "results", "notes.txt"), "utf8")).toBe("ロボットのメモ");
  });

  it("never stops the server when its folder cannot be used", async () => {
    const lines: string[] = [];
    // A file where the folder should be (what an unmounted share or a mistyped setting looks like).
    const notAFolder = path.join(dir, "not-a-folder");
    await fs.writeFile(notAFolder, "");
    const broken = new RpaFolder(t.ctx, notAFolder, ["sealCertificateIssue"], 60_000, (l) => lines.push(l));
    await broken.check();
    await broken.check();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^RPAフォルダ: 使えません/);
  });
});
