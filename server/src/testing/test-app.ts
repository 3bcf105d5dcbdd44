import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.ts";
import { hashPassword } from "../auth/service.ts";
import { seedCatalog } from "../catalog/store.ts";
import { type Config, loadConfig } from "../config.ts";
import type { AppContext } from "../platform/context.ts";
import { createContext } from "../platform/runtime.ts";
import { seedOrganisation } from "../staff/seed.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export const testAuditKey = "test-audit-key-0123456789abcdef0123456789";
export const testPassword = "correct-horse-42";

export interface TestStaff {
  loginId: string;
  password?: string;
  assignments: [counterId: string, roleId: string][];
  validFrom?: string;
  validTo?: string | null;
  mustChangePassword?: boolean;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  config: Config;
  createStaff(staff: TestStaff): Promise<number>;
  /** Logs in and returns the Cookie header value; fails the test if login does not succeed. */
  login(loginId: string, password?: string): Promise<string>;
  /** New staff holding `roleIds` at one counter, logged in there: the Cookie header value. */
  loginAt(loginId: string, counterId: string, ...roleIds: string[]): Promise<string>;
  call(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    options?: { cookie?: string; body?: unknown; csrf?: boolean; token?: string },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A real app on a real, fresh database (PGlite or PostgreSQL per DATABASE_URL), driven by inject(). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    ICHIMADO_MODE: "test",
    ICHIMADO_AUDIT_KEY: testAuditKey,
    LOG_LEVEL: "silent",
    ...env,
  });
  await seedOrganisation(database.db);
  await seedCatalog(database.db);
  const ctx = createContext(config, database, testAuditKey);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();

  const call: TestApp["call"] = (method, url, options = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.csrf === false ? {} : { "x-requested-with": "ichimado" }),
      },
      ...(options.body === undefined ? {} : { payload: options.body as object }),
    });

  const testApp: TestApp = {
    app,
    ctx,
    database,
    config,
    call,
    async createStaff(staff) {
      const passwordHash = await hashPassword(staff.password ?? testPassword);
      const { id } = await database.db
        .insertInto("staff_user")
        .values({
          login_id: staff.loginId,
          name: `テスト ${staff.loginId}`,
          password_hash: passwordHash,
          valid_from: staff.validFrom ?? "2020-04-01",
          valid_to: staff.validTo ?? null,
          must_change_password: staff.mustChangePassword ?? false,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (staff.assignments.length > 0) {
        await database.db
          .insertInto("staff_assignment")
          .values(
            staff.assignments.map(([counterId, roleId]) => ({
              staff_id: id,
              counter_id: counterId,
              role_id: roleId,
            })),
          )
          .execute();
      }
      return id;
    },
    async login(loginId, password = testPassword) {
      const res = await call("POST", "/api/v1/auth/login", { body: { loginId, password } });
      if (res.statusCode !== 200) throw new Error(`login ${loginId} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === "ichimado_session");
      if (!cookie) throw new Error("no session cookie");
      return `ichimado_session=${cookie.value}`;
    },
    async loginAt(loginId, counterId, ...roleIds) {
      await testApp.createStaff({
        loginId,
        assignments: roleIds.map((r): [string, string] => [counterId, r]),
      });
      const cookie = await testApp.login(loginId);
      const chosen = await call("POST", "/api/v1/auth/counter", { cookie, body: { counterId } });
      if (chosen.statusCode !== 200)
        throw new Error(`counter ${counterId} for ${loginId}: ${chosen.statusCode} ${chosen.body}`);
      return cookie;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return testApp;
}
