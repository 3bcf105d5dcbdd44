import type { ResidenceChangeInput } from "../cases/residence-change.ts";
import type { VisitorInput } from "../cases/schemas.ts";
import { visitorRelationLabels } from "../cases/schemas.ts";
import type { CertificateRequestList } from "../certificates/api.ts";
import {
  type CertificateJobPayload,
  certificateScenarios,
  entryReason,
  type ResidenceEntryPayload,
  type RpaScenario,
  residenceChangeScenarios,
} from "./scenarios.ts";

/** Where a job came from at the counter. */
export interface JobOrigin {
  caseId: number;
  acceptedOn: string;
  counterId: string;
}

export interface NewJob<P> {
  scenario: RpaScenario;
  /** whom it is about, for staff */
  subject: string;
  /** what the job stands for in the case: `certificateRequest:12`, `residenceChange:5` */
  source: string;
  payload: P;
}

/** A job per line whose certificate a robot issues; other certificates are issued by hand. */
export function certificateJobs(
  request: Pick<CertificateRequestList["requests"][number], "id" | "lines" | "fees">,
  certificateNames: ReadonlyMap<string, string>,
  personNames: ReadonlyMap<string, string>,
  origin: JobOrigin,
): NewJob<CertificateJobPayload>[] {
  return request.lines.flatMap((line, index) => {
    const scenario = certificateScenarios[line.certificateKey];
    if (!scenario) return [];
    const name = personNames.get(line.personId) ?? "";
    const fee = request.fees[index];
    return [
      {
        scenario,
        subject: name,
        source: `certificateRequest:${request.id}`,
        payload: {
          ...origin,
          requestId: request.id,
          certificateKey: line.certificateKey,
          certificateName: certificateNames.get(line.certificateKey) ?? line.certificateKey,
          person: { personId: line.personId, name },
          copies: line.quantity,
          options: line.options,
          years: line.years,
          purpose: line.purpose,
          fee: fee?.amount ?? 0,
          exemption: fee?.exemption?.name ?? null,
        },
      },
    ];
  });
}

/** The job of a 住民異動届, or none for a type the core system's staff enter themselves (職権). */
export function residenceEntryJob(
  change: { id: number; input: ResidenceChangeInput },
  personNames: ReadonlyMap<string, string>,
  context: { visitor: VisitorInput | null; newAddressText: string | null; notifiedOn: string },
  origin: JobOrigin,
): NewJob<ResidenceEntryPayload> | null {
  const { input } = change;
  const scenario = residenceChangeScenarios[input.kind];
  if (!scenario) return null;
  const persons = input.movingPersonIds.map((personId) => ({
    personId,
    name: personNames.get(personId) ?? "",
  }));
  const names = [...persons.map((p) => p.name), ...input.newPersons.map((p) => p.name)].filter(Boolean);
  return {
    scenario,
    subject: names.join("、"),
    source: `residenceChange:${change.id}`,
    payload: {
      ...origin,
      residenceChangeId: change.id,
      reason: entryReason(input.kind),
      occurredOn: input.occurredOn,
      notifiedOn: context.notifiedOn,
      notifier: context.visitor
        ? { name: context.visitor.name, relation: visitorRelationLabels[context.visitor.relation] }
        : null,
      householdId: input.householdId,
      persons,
      newPersons: input.newPersons.map((p) => ({
        name: p.name,
        nameKana: p.nameKana,
        birthDate: p.birthDate,
        sex: p.sex,
        relationship: p.relationship,
        foreign: p.foreign,
      })),
      newAddress: input.newAddress ? { ...input.newAddress, text: context.newAddressText ?? "" } : null,
      outsideAddress: input.outsideAddress,
      moveOutCertificate: input.moveOutCertificate,
      newHeadId: input.newHeadId,
      newHouseholdHeadId: input.newHouseholdHeadId,
      targetHouseholdId: input.targetHouseholdId,
      note: input.note,
    },
  };
}
