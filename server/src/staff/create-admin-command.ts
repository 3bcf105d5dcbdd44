import { parseArgs } from "node:util";
import { loginIdSchema } from "@ichimado/core/auth/schemas";
import { japanDate } from "@ichimado/core/common/dates";
import { hashPassword } from "../auth/service.ts";
import type { Config } from "../config.ts";
import { openConfiguredDatabase } from "../platform/runtime.ts";
import { oneTimePassword } from "./accounts.ts";
import { seedOrganisation } from "./seed.ts";

/** First administrator of a new installation: there are no demo accounts outside demo mode. */
export async function createAdminCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { "login-id": { type: "string" }, name: { type: "string" } },
  });
  const loginId = loginIdSchema.safeParse(values["login-id"] ?? "");
  if (!loginId.success || !values.name) {
    console.error("--login-id と --name を指定してください (ログインIDは半角英数字)");
    return 2;
  }
  const handle = await openConfiguredDatabase(config);
  try {
    await seedOrganisation(handle.db);
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    await handle.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("staff_user")
        .values({
          login_id: loginId.data,
          name: values.name as string,
          password_hash: passwordHash,
          valid_from: japanDate(new Date()),
          must_change_password: true,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("staff_assignment")
        .values({ staff_id: id, counter_id: "johoseisaku", role_id: "systemAdmin" })
        .execute();
    });
    console.log(`管理者 ${loginId.data} を作成しました。初期パスワード: ${password}`);
    console.log("初回ログイン時にパスワードの変更が必要です。");
    return 0;
  } finally {
    await handle.close();
  }
}
