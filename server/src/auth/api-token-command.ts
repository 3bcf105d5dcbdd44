import { parseArgs } from "node:util";
import { apiTokenNameSchema } from "@ichimado/core/auth/api-tokens";
import { apiScopeSchema } from "@ichimado/core/auth/permissions";
import { z } from "zod";
import { AuditWriter } from "../audit/writer.ts";
import type { Config } from "../config.ts";
import { withOwner } from "../db/owner.ts";
import { openConfiguredDatabase, resolveAuditKey } from "../platform/runtime.ts";
import { createApiToken, revokeApiToken } from "./api-tokens.ts";

/**
 * `api-token create --name robot-1 --scopes rpa` prints a new token once (only its hash is kept);
 * `api-token revoke --name robot-1` stops it at once.
 */
export async function apiTokenCommand(config: Config, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: "string" }, scopes: { type: "string", default: "rpa" } },
  });
  const name = apiTokenNameSchema.safeParse(values.name ?? "");
  const scopes = z.array(apiScopeSchema).min(1).safeParse(values.scopes.split(",").filter(Boolean));
  if ((action !== "create" && action !== "revoke") || !name.success || !scopes.success) {
    console.error(
      "使い方: api-token create --name 名前 [--scopes rpa] | api-token revoke --name 名前 (名前は半角英小文字・数字・ハイフン)",
    );
    return 2;
  }
  const handle = await openConfiguredDatabase(config);
  // A token unlocks the robots' data (addresses included): issuing and revoking one is audited,
  // from the command line as on the APIトークン screen.
  const audited = (what: "create" | "revoke") =>
    new AuditWriter(resolveAuditKey(config)).write(
      handle.db,
      { staffId: null, loginId: "system:cli", counterId: null, clientIp: null },
      {
        action: "settings.change",
        target: `api-token:${name.data}`,
        detail: what === "create" ? { action: what, scopes: scopes.data } : { action: what },
        outcome: "success",
      },
    );
  try {
    return await withOwner(handle.ownerUrl, async (db) => {
      if (action === "revoke") {
        const done = await revokeApiToken(db, name.data);
        if (done) await audited("revoke");
        console.log(
          done ? `トークン ${name.data} を失効させました` : `有効なトークン ${name.data} はありません`,
        );
        return done ? 0 : 1;
      }
      const exists = await db
        .selectFrom("api_token")
        .select("id")
        .where("name", "=", name.data)
        .executeTakeFirst();
      if (exists) {
        console.error(`トークン ${name.data} はすでにあります (失効したものも名前は再利用できません)`);
        return 1;
      }
      const token = await createApiToken(db, { name: name.data, scopes: scopes.data, createdBy: null });
      await audited("create");
      console.log(`トークン ${name.data} (${scopes.data.join(",")}) を発行しました。この表示は一度だけです:`);
      console.log(token);
      return 0;
    });
  } finally {
    await handle.close();
  }
}
