import type { CertificateQuote, CertificateQuoteRequest } from "@ichimado/core/certificates/api";
import { requestProblems } from "@ichimado/core/certificates/eligibility";
import { calculateFees } from "@ichimado/core/certificates/fees";
import type { AuthContext } from "../auth/context.ts";
import type { Db } from "../db/database.ts";
import { isAcknowledged, isProtected } from "../search/present.ts";
import { resultContext } from "../search/queries.ts";
import { currentCertificateSettings } from "./settings.ts";

/**
 * Every line's fee with its breakdown, the total, and whatever stops or warns about a line: the
 * fee rules, who may have which 記載事項, and the register's 発行禁止, 支援措置 (with this session's
 * acknowledgement) and arrears, read in one query with the protection state the screens use.
 * Returns the persons found, for the audit row the caller writes.
 */
export async function quoteRequest(
  db: Db,
  auth: AuthContext,
  body: CertificateQuoteRequest,
  today: string,
): Promise<{ quote: CertificateQuote; personIds: string[] }> {
  const { requester, lines } = body;
  const ids = [...new Set(lines.map((l) => l.personId))];
  const persons = await db
    .selectFrom("person")
    .select(["id", "household_id"])
    .where("id", "in", ids)
    .execute();
  const { state, flags } = await resultContext(db, auth.tokenHash, persons, today);
  const { settings } = await currentCertificateSettings(db);
  const fees = calculateFees(lines, settings);
  const problems: CertificateQuote["problems"] = fees.problems.map((p) => ({ ...p, severity: "block" }));
  const types = new Map(settings.types.map((t) => [t.key, t]));
  const byId = new Map(persons.map((p) => [p.id, p]));
  lines.forEach((line, index) => {
    const person = byId.get(line.personId);
    const type = types.get(line.certificateKey);
    if (!person) {
      problems.push({ index, field: "personId", message: "指定された宛名はありません", severity: "block" });
      return;
    }
    if (!type) return;
    for (const p of requestProblems(line, type, requester, {
      issuanceBan: flags.bans.has(person.id),
      supportMeasure: isProtected(state, person),
      supportAcknowledged: isAcknowledged(state, person),
      arrears: flags.arrears.has(person.id),
    }))
      problems.push({ index, ...p });
  });
  problems.sort((a, b) => a.index - b.index);
  return {
    quote: {
      lines: fees.lines,
      total: fees.total,
      problems,
      acceptable: !problems.some((p) => p.severity === "block"),
    },
    personIds: persons.map((p) => p.id),
  };
}
