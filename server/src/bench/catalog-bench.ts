import { parseArgs } from "node:util";
import { derivationFacts, type RegisterEnrollment, type RegisterMember } from "@ichimado/core/cases/facts";
import { type ResidenceChangeInput, residenceChangeInputSchema } from "@ichimado/core/cases/residence-change";
import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { catalogContentSchema } from "@ichimado/core/catalog/catalog-file";
import { defaultProcedures, defaultQuestions } from "@ichimado/core/catalog/default-catalog";
import { deriveProcedures } from "@ichimado/core/catalog/derive";
import { questionsToAsk } from "@ichimado/core/catalog/navigation";
import type { ProcedureDefinition } from "@ichimado/core/catalog/procedures";
import { japanDate } from "@ichimado/core/common/dates";
import { defaultFormFields, defaultForms } from "@ichimado/core/documents/default-forms";
import { saveCatalog } from "../catalog/store.ts";
import { seedDefaultForms } from "../documents/default-forms.ts";
import { saveTemplateVersion } from "../documents/store.ts";
import { insertHouseholds } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { summarise } from "./stats.ts";

/**
 * The catalog at the spec's capacity (300 procedures, 120 form templates): parsing a stored
 * version, deriving and navigating for a typical household (pure), and over HTTP with that catalog
 * and those templates in the database: taking the 住民異動届, reading the case, listing the
 * templates in force and printing the case's forms.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      procedures: { type: "string", default: "300" },
      rounds: { type: "string", default: "2000" },
      requests: { type: "string", default: "200" },
      templates: { type: "string", default: "120" },
      prints: { type: "string", default: "20" },
      engines: { type: "string", default: "embedded,postgresql" },
    },
  });
  const size = Number(values.procedures);
  const rounds = Number(values.rounds);
  const templates = Number(values.templates);
  const procedures = catalogOf(size, templates);
  const content = { procedures, questions: defaultQuestions };
  const json = JSON.parse(JSON.stringify(content)) as unknown;
  const today = japanDate(new Date());
  const input = residenceChangeInputSchema.parse({
    kind: "moveOut",
    householdId: "B1",
    occurredOn: today,
    movingPersonIds: members.map((m) => m.id),
    outsideAddress: "松江市殿町1番地",
  });
  const facts = derivationFacts(input, members, enrollments, { pensionRecipient: "yes" });

  const rows: string[] = [];
  const time = (label: string, work: () => unknown, n: number) => {
    const latencies: number[] = [];
    let result: unknown;
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      result = work();
      latencies.push(performance.now() - start);
    }
    const s = summarise(latencies);
    rows.push(`| ${label} | ${s.count} | ${s.p50.toFixed(3)} | ${s.p99.toFixed(3)} | ${s.max.toFixed(3)} |`);
    return result;
  };
  time(
    `parse a stored version (${size} procedures, ${defaultQuestions.length} questions)`,
    () => catalogContentSchema.parse(json),
    50,
  );
  const derived = time(
    `derive (転出, 4-person household)`,
    () => deriveProcedures(procedures, facts, defaultQuestions),
    rounds,
  ) as unknown[];
  time("questions to ask", () => questionsToAsk(defaultQuestions, procedures.slice(0, 40), facts), rounds);

  const api: string[] = [];
  for (const engine of values.engines.split(",")) {
    if (engine === "postgresql") process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
    else delete process.env.DATABASE_URL;
    api.push(
      ...(await apiTimings(engine, content, input, {
        requests: Number(values.requests),
        templates,
        prints: Number(values.prints),
      })),
    );
  }

  console.log(`\n### Catalog at capacity (${new Date().toISOString().slice(0, 10)})\n`);
  console.log(
    `\`npm run bench -- catalog --procedures ${size} --templates ${templates} --rounds ${rounds}\` — ${derived.length} procedures derived per run\n`,
  );
  console.log("| step (pure, in process) | runs | p50 ms | p99 ms | max ms |");
  console.log("|---|---|---|---|---|");
  for (const r of rows) console.log(r);
  console.log("\n| API with the catalog in the database | requests | p50 ms | p99 ms | max ms |");
  console.log("|---|---|---|---|---|");
  for (const r of api) console.log(r);
}

async function apiTimings(
  engine: string,
  content: { procedures: ProcedureDefinition[]; questions: typeof defaultQuestions },
  input: ResidenceChangeInput,
  { requests, templates, prints }: { requests: number; templates: number; prints: number },
): Promise<string[]> {
  const t = await createTestApp();
  try {
    await insertHouseholds(t.database.ownerUrl, [fixture]);
    const admin = await t.createStaff({
      loginId: "bench-admin",
      assignments: [["johoseisaku", "systemAdmin"]],
    });
    await t.database.db.transaction().execute((trx) => saveCatalog(trx, content, admin, "bench"));
    await installTemplates(t, templates);
    await t.createStaff({ loginId: "bench-clerk", assignments: [["shimin", "residentClerk"]] });
    const cookie = await t.login("bench-clerk");
    await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "shimin" } });
    const take: number[] = [];
    const read: number[] = [];
    const list: number[] = [];
    const print: number[] = [];
    let printed = 0;
    for (let i = 0; i < requests; i++) {
      const opened = await t.call("POST", "/api/v1/cases", { cookie, body: {} });
      const { id } = opened.json() as { id: number };
      let start = performance.now();
      const res = await t.call("POST", `/api/v1/cases/${id}/residence-changes`, { cookie, body: input });
      take.push(performance.now() - start);
      if (res.statusCode !== 201) throw new Error(`residenceChange refused: ${res.body}`);
      start = performance.now();
      const detail = await t.call("GET", `/api/v1/cases/${id}`, { cookie });
      read.push(performance.now() - start);
      start = performance.now();
      await t.call("GET", "/api/v1/document-templates", { cookie });
      list.push(performance.now() - start);
      if (i < prints) {
        // Every form of the case's procedures in one PDF, as the 書類の印刷 button sends them.
        const documents = (detail.json() as CaseDetail).procedures.flatMap((p) =>
          p.forms.map((f) => ({ templateKey: f.key, procedureId: p.id })),
        );
        start = performance.now();
        const pdf = await t.call("POST", `/api/v1/cases/${id}/documents`, { cookie, body: { documents } });
        print.push(performance.now() - start);
        if (pdf.statusCode !== 200) throw new Error(`print refused: ${pdf.body.slice(0, 300)}`);
        printed = documents.length;
      }
    }
    const line = (label: string, values: number[]) => {
      const s = summarise(values);
      return `| ${engine}: ${label} | ${s.count} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(1)} |`;
    };
    return [
      line("take a 転出 (validate, derive, save)", take),
      line("read the case (with navigation and its forms)", read),
      line(`list the ${templates} templates in force`, list),
      line(`print the case's ${printed} forms as one PDF`, print),
    ];
  } finally {
    await t.close();
  }
}

/**
 * The default catalog plus city variants of its entries, to the size asked for; each procedure
 * without a form of its own names one of the bench's templates, so the templates are all in use.
 */
function catalogOf(size: number, templates: number): ProcedureDefinition[] {
  const definitions = [...defaultProcedures];
  for (let i = 0; definitions.length < size; i++) {
    const base = defaultProcedures[i % defaultProcedures.length] as ProcedureDefinition;
    definitions.push({ ...base, key: `${base.key}-v${Math.floor(i / defaultProcedures.length) + 2}` });
  }
  return definitions
    .slice(0, size)
    .map((d, i) =>
      d.forms.length > 0 ? d : { ...d, forms: [benchFormKey(i % (templates - defaultForms.length))] },
    );
}

const benchFormKey = (i: number) => `bench-form-${i + 1}`;

/**
 * The initial forms, then copies of them under other keys up to `count` templates: each a version
 * with every field of a real form, over the initial forms' base PDFs.
 */
async function installTemplates(t: TestApp, count: number): Promise<void> {
  const problem = await seedDefaultForms(t.database.db, t.config);
  if (problem) throw new Error(problem);
  const bases = await t.database.db.selectFrom("document_template").select(["key", "base_pdf_id"]).execute();
  const baseOf = new Map(bases.map((b) => [b.key, b.base_pdf_id]));
  for (let i = 0; i < count - defaultForms.length; i++) {
    const form = defaultForms[i % defaultForms.length] as (typeof defaultForms)[number];
    await t.database.db.transaction().execute((trx) =>
      saveTemplateVersion(
        trx,
        {
          key: benchFormKey(i),
          name: `${form.name} ${i + 1}`,
          basePdfId: baseOf.get(form.key) as number,
          fields: defaultFormFields(form),
          validFrom: "2000-01-01",
          validTo: null,
          baseVersion: null,
        },
        null,
      ),
    );
  }
}

const fixture = {
  id: "B1",
  townCode: "T001",
  lot: "1-1",
  members: [
    {
      id: "9900000001",
      name: "山田　太郎",
      nameKana: "ヤマダ　タロウ",
      birthDate: "1960-04-10",
      sex: "male" as const,
      relationship: "世帯主",
      enrollments: [
        { programme: "nationalHealthInsurance", role: "insured" },
        { programme: "childAllowance", role: "recipient" },
      ],
    },
    {
      id: "9900000002",
      name: "山田　花子",
      nameKana: "ヤマダ　ハナコ",
      birthDate: "1962-06-01",
      sex: "female" as const,
      relationship: "妻",
      enrollments: [{ programme: "nationalHealthInsurance", role: "insured" }],
    },
    {
      id: "9900000003",
      name: "山田　一郎",
      nameKana: "ヤマダ　イチロウ",
      birthDate: "2016-05-05",
      sex: "male" as const,
      relationship: "子",
      enrollments: [{ programme: "childMedical", role: "recipient" }],
    },
    {
      id: "9900000004",
      name: "山田　ハル",
      nameKana: "ヤマダ　ハル",
      birthDate: "1940-02-02",
      sex: "female" as const,
      relationship: "母",
      enrollments: [
        { programme: "lateElderlyMedical", role: "insured" },
        { programme: "longTermCare", role: "insured", attributes: { careLevel: "要介護1" } },
      ],
    },
  ],
};

const members: RegisterMember[] = fixture.members.map((m, i) => ({
  id: m.id,
  name: m.name,
  birthDate: m.birthDate,
  sex: m.sex,
  isHead: i === 0,
  foreign: false,
  cardExpiresOn: null,
}));
const enrollments: RegisterEnrollment[] = fixture.members.flatMap((m) =>
  m.enrollments.map((e) => ({
    personId: m.id,
    programme: e.programme as RegisterEnrollment["programme"],
    role: e.role as RegisterEnrollment["role"],
    fromDate: "2020-04-01",
    toDate: null,
    attributes: "attributes" in e ? (e.attributes as Record<string, string>) : {},
  })),
);
