import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.ts";
import { seedCatalog } from "./catalog/store.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { seedDefaultForms } from "./documents/default-forms.ts";
import { slaSeconds } from "./ops/metrics.ts";
import { ServiceLevelRecorder } from "./ops/service-level.ts";
import { createContext, openConfiguredDatabase, resolveAuditKey } from "./platform/runtime.ts";
import { DropFolderWatcher } from "./registry/feeds/watcher.ts";
import { RpaFolder } from "./rpa/folder.ts";
import { seedDemoStaff, seedOrganisation } from "./staff/seed.ts";

const demo = process.argv.includes("--demo");
if (demo) process.env.ICHIMADO_MODE ??= "demo";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const started = Date.now();
const auditKey = resolveAuditKey(config);
const handle = await openConfiguredDatabase(config);
if (config.mode === "demo") {
  // First, on an owner connection: on PGlite the app pool's SET ROLE would otherwise apply to it too.
  const { ensureDemoCity } = await import("./registry/demo-city.ts");
  await ensureDemoCity(handle.ownerUrl, config.demoResidents, config.dbRole, (line) => console.log(line));
}
await seedOrganisation(handle.db);
await seedCatalog(handle.db);
const formsProblem = await seedDefaultForms(handle.db, config);
if (formsProblem) console.warn(formsProblem);
if (config.mode === "demo") await seedDemoStaff(handle.db);
const ctx = createContext(config, handle, auditKey);
const serviceLevel = new ServiceLevelRecorder(handle.db, slaSeconds);
const app = await buildApp(ctx, { serviceLevel });
serviceLevel.start();

const watcher =
  config.feeds.pollMs > 0
    ? new DropFolderWatcher(config.feeds.dir, config.feeds.pollMs, ctx.feeds, (line) => app.log.info(line))
    : undefined;
await watcher?.start();
const rpaFolder = config.rpaFolder
  ? new RpaFolder(ctx, config.rpaFolder.dir, config.rpaFolder.scenarios, config.rpaFolder.pollMs, (line) =>
      app.log.info(line),
    )
  : undefined;
rpaFolder?.start();

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) app.log.error({ err }, "shutting down after error");
  watcher?.stop();
  rpaFolder?.stop();
  await app.close();
  await serviceLevel.stop();
  await handle.close();
});

await app.listen({ host: config.host, port: config.port });
app.log.info(
  `いちまど started in ${((Date.now() - started) / 1000).toFixed(1)} s: http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/ (${handle.embedded ? "embedded database" : "PostgreSQL"}, ${config.mode} mode)`,
);
