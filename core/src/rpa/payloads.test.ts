import { describe, expect, it } from "vitest";
import { residenceChangeInputSchema } from "../cases/residence-change.ts";
import { certificateJobs, residenceEntryJob } from "./payloads.ts";
import { certificateJobPayloadSchema, residenceEntryPayloadSchema } from "./scenarios.ts";

const origin = { caseId: 7, acceptedOn: "2026-12-04", counterId: "shimin" };
const names = new Map([
  ["7000000001", "証明　一郎"],
  ["7000000002", "証明　花子"],
]);
const line = (certificateKey: string, personId: string, more: object = {}) => ({
  certificateKey,
  personId,
  quantity: 1,
  options: [],
  years: [],
  taxes: [],
  parcels: null,
  purpose: "employment",
  purposeText: "",
  exemption: null,
  ...more,
});
const fee = (amount: number) => ({
  index: 0,
  certificateKey: "",
  name: "",
  personId: "",
  quantity: 1,
  units: 1,
  amount,
  exemption: null,
  breakdown: "",
});

describe("certificate jobs", () => {
  it("are one per line a robot issues, with the person, copies, options and fee", () => {
    const jobs = certificateJobs(
      {
        id: 12,
        lines: [
          line("certificate-resident-record", "7000000001", { quantity: 2, options: ["domicile"] }),
          line("certificate-family-register", "7000000001"),
          line("certificate-income", "7000000002", { years: [2025, 2024] }),
        ],
        fees: [fee(600), fee(450), fee(600)],
      },
      new Map([
        ["certificate-resident-record", "住民票の写し"],
        ["certificate-income", "所得証明書"],
      ]),
      names,
      origin,
    );
    expect(jobs.map((j) => [j.scenario, j.subject, j.source])).toEqual([
      ["residentRecordIssue", "証明　一郎", "certificateRequest:12"],
      ["taxCertificateIssue", "証明　花子", "certificateRequest:12"],
    ]);
    expect(jobs[0]?.payload).toMatchObject({ copies: 2, options: ["domicile"], fee: 600, caseId: 7 });
    expect(jobs[1]?.payload).toMatchObject({ years: [2025, 2024], certificateName: "所得証明書" });
    for (const j of jobs) expect(certificateJobPayloadSchema.parse(j.payload)).toEqual(j.payload);
  });
});

describe("住民異動 jobs", () => {
  const visitor = {
    personId: "7000000001",
    name: "証明　一郎",
    nameKana: "",
    birthDate: null,
    sex: null,
    address: "",
    phone: "",
    relation: "self" as const,
    relationDetail: "",
    authorityDocument: null,
  };
  it("carry the 異動事由, dates, notifier, persons and addresses the entry screen asks for", () => {
    const input = residenceChangeInputSchema.parse({
      kind: "moveOut",
      householdId: "H700",
      occurredOn: "2026-12-10",
      movingPersonIds: ["7000000001", "7000000002"],
      outsideAddress: "島根県松江市殿町1番地",
      newHeadId: null,
    });
    const job = residenceEntryJob(
      { id: 5, input },
      names,
      { visitor, newAddressText: null, notifiedOn: "2026-12-04" },
      origin,
    );
    expect(job?.scenario).toBe("moveOutEntry");
    expect(job?.subject).toBe("証明　一郎、証明　花子");
    expect(job?.payload).toMatchObject({
      reason: "転出",
      occurredOn: "2026-12-10",
      notifiedOn: "2026-12-04",
      notifier: { name: "証明　一郎", relation: "本人" },
      outsideAddress: "島根県松江市殿町1番地",
      persons: [
        { personId: "7000000001", name: "証明　一郎" },
        { personId: "7000000002", name: "証明　花子" },
      ],
    });
    expect(residenceEntryPayloadSchema.parse(job?.payload)).toEqual(job?.payload);
  });

  it("enter a 世帯主変更 on the 世帯構成変更 screen, and leave a 職権修正 to the register's staff", () => {
    const base = { householdId: "H700", occurredOn: "2026-12-10", movingPersonIds: ["7000000002"] };
    const head = residenceChangeInputSchema.parse({ ...base, kind: "headChange", newHeadId: "7000000002" });
    expect(
      residenceEntryJob(
        { id: 6, input: head },
        names,
        { visitor: null, newAddressText: null, notifiedOn: "2026-12-04" },
        origin,
      )?.scenario,
    ).toBe("householdRecomposeEntry");
    const exOfficio = residenceChangeInputSchema.parse({ ...base, kind: "exOfficio" });
    expect(
      residenceEntryJob(
        { id: 7, input: exOfficio },
        names,
        { visitor: null, newAddressText: null, notifiedOn: "2026-12-04" },
        origin,
      ),
    ).toBeNull();
  });
});
