import type { AuditEntry } from "@ichimado/core/audit/actions";
import type { EffectivePermissions } from "@ichimado/core/auth/permissions";
import { mayViewProtectedAddress } from "@ichimado/core/registry/masking";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { protectedPersonIds } from "../search/queries.ts";

/** What the viewer and the CSV show in place of an address typed into a search. */
const hiddenAddressText = "（支援措置のため非表示）";

const typedAddress = (entry: AuditEntry) => {
  const criteria = entry.detail.criteria;
  return typeof criteria === "object" && criteria !== null && "address" in criteria;
};

/**
 * A search by address records what was typed beside the 宛名番号 it found: shown next to a protected
 * person's number, it is where they live. For a viewer who may not see protected addresses that
 * address is hidden on the way out, by today's measures (as every other view of the address). The
 * stored row stays as written: the hash chain holds it, and a viewer with the right reads it whole.
 */
export async function hideProtectedAddresses(
  db: Kysely<Database>,
  permissions: Pick<EffectivePermissions, "functions"> | undefined,
  entries: AuditEntry[],
  today: string,
): Promise<AuditEntry[]> {
  if (permissions && mayViewProtectedAddress(permissions)) return entries;
  if (!entries.some(typedAddress)) return entries;
  const { rows } = await protectedPersonIds(today).execute(db);
  const hidden = new Set(rows.map((r) => r.id));
  return entries.map((entry) =>
    typedAddress(entry) && entry.personIds.some((id) => hidden.has(id))
      ? {
          ...entry,
          detail: {
            ...entry.detail,
            criteria: { ...(entry.detail.criteria as object), address: hiddenAddressText },
          },
        }
      : entry,
  );
}
