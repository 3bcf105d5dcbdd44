import { createHash, randomBytes } from "node:crypto";
import type { SessionInfo } from "@ichimado/core/auth/schemas";
import { japanDate } from "@ichimado/core/common/dates";
import { errorCodes } from "@ichimado/core/common/errors";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import { type Kysely, sql } from "kysely";
import type { AuditActor, AuditWriter } from "../audit/writer.ts";
import type { Database } from "../db/schema.ts";
import { forbidden, HttpError } from "../platform/errors.ts";
import type { AuthContext } from "./context.ts";
import { countersOfStaff, permissionsAt } from "./queries.ts";

export interface AuthSettings {
  idleMs: number;
  absoluteMs: number;
  maxFailures: number;
  lockoutMs: number;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

// OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, cheap enough for a login burst at 8:30.
const argonOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const hashPassword = (password: string) => argonHash(password, argonOptions);

// Verified against when the login ID is unknown, so the reply takes as long as for a known one.
const dummyHash = await hashPassword("ichimado-timing-equaliser");

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

const loginFailed = () =>
  new HttpError(401, errorCodes.loginFailed, "ログインIDまたはパスワードが正しくありません");

export class AuthService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditWriter,
    private readonly settings: AuthSettings,
  ) {}

  /** Checks the password, lockout and validity period; returns a new session token on success. */
  async login(
    loginId: string,
    password: string,
    client: ClientInfo,
  ): Promise<{ token: string; staffId: number }> {
    const actor: AuditActor = { staffId: null, loginId, counterId: null, clientIp: client.ip };
    const user = await this.db
      .selectFrom("staff_user")
      .selectAll()
      .where("login_id", "=", loginId)
      .executeTakeFirst();
    if (!user) {
      await argonVerify(dummyHash, password).catch(() => false);
      await this.audit.write(this.db, actor, {
        action: "auth.login",
        target: "staff_user",
        detail: { reason: "unknownLoginId" },
        outcome: "failure",
      });
      throw loginFailed();
    }
    const userActor = { ...actor, staffId: user.id };
    const now = new Date();
    if (user.locked_until && new Date(user.locked_until) > now) {
      await this.audit.write(this.db, userActor, {
        action: "auth.login",
        target: `staff_user:${user.id}`,
        detail: { reason: "locked" },
        outcome: "denied",
      });
      const minutes = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000);
      throw new HttpError(
        423,
        errorCodes.accountLocked,
        `ログインに続けて失敗したため、アカウントがロックされています。${minutes}分後に再度お試しいただくか、管理者に連絡してください`,
      );
    }
    const passwordOk = await argonVerify(user.password_hash, password).catch(() => false);
    if (!passwordOk) {
      await this.db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable("staff_user")
          .set({ failed_attempts: sql`failed_attempts + 1` })
          .where("id", "=", user.id)
          .returning("failed_attempts")
          .executeTakeFirstOrThrow();
        const lock = updated.failed_attempts >= this.settings.maxFailures;
        if (lock) {
          await trx
            .updateTable("staff_user")
            .set({ failed_attempts: 0, locked_until: new Date(now.getTime() + this.settings.lockoutMs) })
            .where("id", "=", user.id)
            .execute();
        }
        await this.audit.write(trx, userActor, {
          action: "auth.login",
          target: `staff_user:${user.id}`,
          detail: { reason: "wrongPassword", failedAttempts: updated.failed_attempts, locked: lock },
          outcome: "failure",
        });
      });
      throw loginFailed();
    }
    const today = japanDate(now);
    const expired =
      user.disabled || user.valid_from > today || (user.valid_to !== null && user.valid_to < today);
    if (expired) {
      await this.audit.write(this.db, userActor, {
        action: "auth.login",
        target: `staff_user:${user.id}`,
        detail: { reason: user.disabled ? "disabled" : "outsideValidity" },
        outcome: "denied",
      });
      throw new HttpError(
        401,
        errorCodes.loginFailed,
        "このアカウントは利用できません (有効期間外または停止中)。管理者に連絡してください",
      );
    }
    const token = randomBytes(32).toString("base64url");
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("staff_user")
        .set({ failed_attempts: 0, locked_until: null, last_login_at: now })
        .where("id", "=", user.id)
        .execute();
      await trx
        .insertInto("staff_session")
        .values({
          token_hash: tokenHash(token),
          staff_id: user.id,
          counter_id: null,
          expires_at: new Date(now.getTime() + this.settings.absoluteMs),
          client_ip: client.ip,
          user_agent: client.userAgent?.slice(0, 300) ?? null,
        })
        .execute();
      await this.audit.write(trx, userActor, {
        action: "auth.login",
        target: `staff_user:${user.id}`,
        outcome: "success",
      });
    });
    return { token, staffId: user.id };
  }

  /**
   * Resolves a session cookie to the staff member and their permissions at the current counter.
   * The account is re-checked on every request so that disabling a user takes effect at once.
   */
  async resolve(token: string): Promise<AuthContext | null> {
    const hash = tokenHash(token);
    const now = new Date();
    const row = await this.db
      .selectFrom("staff_session as s")
      .innerJoin("staff_user as u", "u.id", "s.staff_id")
      .select([
        "s.token_hash",
        "s.counter_id",
        "s.expires_at",
        "s.last_seen_at",
        "u.id as staff_id",
        "u.login_id",
        "u.name",
        "u.disabled",
        "u.valid_from",
        "u.valid_to",
        "u.must_change_password",
      ])
      .where("s.token_hash", "=", hash)
      .executeTakeFirst();
    if (!row) return null;
    const today = japanDate(now);
    const idleLimit = new Date(new Date(row.last_seen_at).getTime() + this.settings.idleMs);
    const invalid =
      new Date(row.expires_at) <= now ||
      idleLimit <= now ||
      row.disabled ||
      row.valid_from > today ||
      (row.valid_to !== null && row.valid_to < today);
    if (invalid) {
      await this.db.deleteFrom("staff_session").where("token_hash", "=", hash).execute();
      return null;
    }
    // Touching last_seen_at on every request would make each read a write; once a minute is enough.
    if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
      await this.db
        .updateTable("staff_session")
        .set({ last_seen_at: now })
        .where("token_hash", "=", hash)
        .execute();
    }
    const { roles, permissions } = await permissionsAt(this.db, row.staff_id, row.counter_id);
    return {
      staffId: row.staff_id,
      loginId: row.login_id,
      name: row.name,
      tokenHash: hash,
      counterId: row.counter_id,
      mustChangePassword: row.must_change_password,
      roles: roles.map((r) => ({ id: r.id, name: r.name })),
      permissions,
      expiresAt: new Date(row.expires_at),
    };
  }

  async sessionInfo(auth: AuthContext): Promise<SessionInfo> {
    const counters = await countersOfStaff(this.db, auth.staffId);
    return {
      staff: { id: String(auth.staffId), loginId: auth.loginId, name: auth.name },
      mustChangePassword: auth.mustChangePassword,
      counters,
      counter: counters.find((c) => c.id === auth.counterId) ?? null,
      roles: auth.roles,
      functions: [...auth.permissions.functions].sort(),
      visibleProgrammes: [...auth.permissions.visibleProgrammes].sort(),
      acceptedProgrammes: [...auth.permissions.acceptedProgrammes].sort(),
      expiresAt: auth.expiresAt.toISOString(),
    };
  }

  /** Switches the counter the staff member acts at; only counters they hold a role at. */
  async chooseCounter(auth: AuthContext, counterId: string, actor: AuditActor): Promise<AuthContext> {
    const counters = await countersOfStaff(this.db, auth.staffId);
    if (!counters.some((c) => c.id === counterId)) {
      await this.audit.write(this.db, actor, {
        action: "auth.counterSwitch",
        target: `counter:${counterId}`,
        outcome: "denied",
      });
      throw forbidden("この窓口での権限がありません");
    }
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("staff_session")
        .set({ counter_id: counterId })
        .where("token_hash", "=", auth.tokenHash)
        .execute();
      await this.audit.write(
        trx,
        { ...actor, counterId },
        {
          action: "auth.counterSwitch",
          target: `counter:${counterId}`,
          detail: { from: auth.counterId },
          outcome: "success",
        },
      );
    });
    const { roles, permissions } = await permissionsAt(this.db, auth.staffId, counterId);
    return { ...auth, counterId, roles: roles.map((r) => ({ id: r.id, name: r.name })), permissions };
  }

  async changePassword(
    auth: AuthContext,
    current: string,
    next: string,
    actor: AuditActor,
  ): Promise<AuthContext> {
    const user = await this.db
      .selectFrom("staff_user")
      .select(["password_hash"])
      .where("id", "=", auth.staffId)
      .executeTakeFirstOrThrow();
    if (!(await argonVerify(user.password_hash, current).catch(() => false))) {
      await this.audit.write(this.db, actor, {
        action: "auth.passwordChange",
        target: `staff_user:${auth.staffId}`,
        detail: { reason: "wrongCurrentPassword" },
        outcome: "failure",
      });
      throw new HttpError(400, errorCodes.validation, "現在のパスワードが正しくありません", [
        { path: "body.currentPassword", message: "現在のパスワードが正しくありません" },
      ]);
    }
    if (current === next) {
      throw new HttpError(
        400,
        errorCodes.validation,
        "新しいパスワードは現在のものと違うものにしてください",
        [{ path: "body.newPassword", message: "現在のパスワードと同じです" }],
      );
    }
    const newHash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("staff_user")
        .set({
          password_hash: newHash,
          must_change_password: false,
          password_changed_at: new Date(),
          updated_at: new Date(),
        })
        .where("id", "=", auth.staffId)
        .execute();
      // Other sessions of this account end: whoever knew the old password is out.
      await trx
        .deleteFrom("staff_session")
        .where("staff_id", "=", auth.staffId)
        .where("token_hash", "<>", auth.tokenHash)
        .execute();
      await this.audit.write(trx, actor, {
        action: "auth.passwordChange",
        target: `staff_user:${auth.staffId}`,
        outcome: "success",
      });
    });
    return { ...auth, mustChangePassword: false };
  }

  async logout(auth: AuthContext, actor: AuditActor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("staff_session").where("token_hash", "=", auth.tokenHash).execute();
      await this.audit.write(trx, actor, {
        action: "auth.logout",
        target: `staff_user:${auth.staffId}`,
        outcome: "success",
      });
    });
  }
}
