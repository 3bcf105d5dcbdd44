import fs from "node:fs";
import { parseArgs } from "node:util";
import { createBridge } from "./bridge.ts";
import { PcscTerminal } from "./pcsc.ts";
import { SimulatorTerminal, simulatedCardSchema, syntheticCard } from "./simulator.ts";
import type { CardTerminal } from "./terminal.ts";

/**
 * node --import tsx cardreader/src/main.ts --pcsc --allow-origin https://ichimado.city.example
 * node --import tsx cardreader/src/main.ts --simulator [--card card.json] --allow-origin http://127.0.0.1:3000
 */
const usage =
  "使い方: main.ts (--pcsc | --simulator [--card カード.json]) --allow-origin <いちまどのURL> [--port 47101]";

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    pcsc: { type: "boolean", default: false },
    simulator: { type: "boolean", default: false },
    card: { type: "string" },
    "allow-origin": { type: "string", multiple: true, default: [] },
    port: { type: "string", default: process.env.CARD_BRIDGE_PORT ?? "47101" },
  },
  strict: true,
});

const origins = [
  ...(values["allow-origin"] ?? []),
  ...(process.env.CARD_BRIDGE_ALLOW_ORIGIN ?? "").split(","),
]
  .map((o) => o.trim())
  .filter(Boolean);
if (origins.length === 0) fail("--allow-origin (いちまどのサーバーのURL) を指定してください");
for (const origin of origins) {
  if (!URL.canParse(origin)) fail(`--allow-origin ${origin} はURLではありません`);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`--port ${values.port} は1〜65535の数で指定してください`);
if (values.pcsc === values.simulator) fail("--pcsc か --simulator のどちらか一つを指定してください");

async function terminalOf(): Promise<CardTerminal> {
  if (values.pcsc) return PcscTerminal.start();
  if (!values.card) return new SimulatorTerminal(syntheticCard);
  const parsed = simulatedCardSchema.safeParse(JSON.parse(fs.readFileSync(values.card, "utf8")));
  // Only where the file went wrong, never its values: the file holds the card's data.
  if (!parsed.success)
    fail(`${values.card}: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")} が不正です`);
  return new SimulatorTerminal(parsed.data);
}

const terminal = await terminalOf();
const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
const server = createBridge({ terminal, allowedOrigins: origins, log });
server.listen(port, "127.0.0.1", () => {
  log(
    `いちまど カードリーダー中継 http://127.0.0.1:${port} (${terminal.simulator ? "シミュレーター" : "PC/SC"}; 許可するオリジン: ${origins.join(", ")})`,
  );
});
const stop = () => {
  server.close();
  void terminal.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
