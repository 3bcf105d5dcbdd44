import { createHmac } from "node:crypto";

export const genesisHash = "0".repeat(64);

/** The fields of a row that its hash covers; seq is left out so that order is proven by the chain. */
export interface ChainedFields {
  at: string;
  staffId: number | null;
  loginId: string | null;
  counterId: string | null;
  action: string;
  target: string;
  personIds: readonly string[];
  detail: unknown;
  outcome: string;
  clientIp: string | null;
  prevHash: string;
}

/**
 * HMAC-SHA256 over a canonical JSON form of the row. The key lives outside the database, so
 * someone who can write to the table still cannot forge a consistent chain after editing it.
 * Object keys are sorted because jsonb gives them back in its own order.
 */
export function chainHash(key: string, row: ChainedFields): string {
  const canonical = canonicalJson([
    row.at,
    row.staffId,
    row.loginId,
    row.counterId,
    row.action,
    row.target,
    row.personIds,
    row.detail,
    row.outcome,
    row.clientIp,
    row.prevHash,
  ]);
  return createHmac("sha256", key).update(canonical, "utf8").digest("hex");
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
