import {
  type CertificateQuote,
  certificateQuoteRequestSchema,
  certificateQuoteSchema,
  certificateSettingsSchema,
} from "@ichimado/core/certificates/api";
import {
  defaultCertificateTypes,
  defaultFeeExemptions,
  defaultPurposes,
} from "@ichimado/core/certificates/defaults";
import { requestProblems } from "@ichimado/core/certificates/eligibility";
import { calculateFees } from "@ichimado/core/certificates/fees";
import { japanDate } from "@ichimado/core/common/dates";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { isProtected } from "../search/present.ts";
import { resultContext } from "../search/queries.ts";

const access = { access: { kind: "permission", permission: "certificates" } } as const;

/** The settings a new installation has (administrators' editing comes with the settings screen). */
const settings = {
  types: [...defaultCertificateTypes],
  purposes: [...defaultPurposes],
  exemptions: [...defaultFeeExemptions],
};

/**
 * 証明受付 (I31–I35): the certificate settings, and the quote of a request — every line's fee with
 * its breakdown and the total, and whatever the register says stops or warns about a line
 * (発行禁止, 支援措置, who may have which 記載事項). The same rules decide again when the request
 * is accepted.
 */
export async function certificateRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/certificates/settings",
    { config: access, schema: { response: { 200: certificateSettingsSchema } } },
    async () => settings,
  );

  r.post(
    "/api/v1/certificates/quote",
    {
      config: access,
      schema: { body: certificateQuoteRequestSchema, response: { 200: certificateQuoteSchema } },
    },
    async (request): Promise<CertificateQuote> => {
      const auth = requireAuth(request);
      const { requester, lines } = request.body;
      const today = japanDate(new Date());
      const ids = [...new Set(lines.map((l) => l.personId))];
      const persons = await ctx.db
        .selectFrom("person")
        .select(["id", "household_id"])
        .where("id", "in", ids)
        .execute();
      const known = new Set(persons.map((p) => p.id));
      const { state, flags } = await resultContext(ctx.db, auth.tokenHash, persons, today);
      const fees = calculateFees(lines, settings);
      const problems: CertificateQuote["problems"] = fees.problems.map((p) => ({ ...p, severity: "block" }));
      const types = new Map(settings.types.map((t) => [t.key, t]));
      const byId = new Map(persons.map((p) => [p.id, p]));
      lines.forEach((line, index) => {
        const person = byId.get(line.personId);
        const type = types.get(line.certificateKey);
        if (!person) {
          problems.push({
            index,
            field: "personId",
            message: "指定された宛名はありません",
            severity: "block",
          });
          return;
        }
        if (!type) return;
        const isProtectedPerson = isProtected(state, person);
        for (const p of requestProblems(line, type, requester, {
          issuanceBan: flags.bans.has(person.id),
          supportMeasure: isProtectedPerson,
          supportAcknowledged:
            state.acknowledgedPersons.has(person.id) ||
            (person.household_id !== null && state.acknowledgedHouseholds.has(person.household_id)),
          arrears: flags.arrears.has(person.id),
        }))
          problems.push({ index, ...p });
      });
      problems.sort((a, b) => a.index - b.index);
      // The register's flags were read for these persons: who asked, for whom.
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "person.read",
        target: "certificate:quote",
        personIds: ids.filter((id) => known.has(id)),
        detail: { requester: requester.kind, lines: lines.length },
        outcome: "success",
      });
      return {
        lines: fees.lines,
        total: fees.total,
        problems,
        acceptable: !problems.some((p) => p.severity === "block"),
      };
    },
  );
}
