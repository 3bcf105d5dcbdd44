import { spawn } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import {
  bridgeErrorSchema,
  bridgeStatusSchema,
  readBasicResponseSchema,
} from "@ichimado/core/cardreader/schemas";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBridge } from "./bridge.ts";
import { SimulatorTerminal, syntheticCard } from "./simulator.ts";

const page = "http://127.0.0.1:3000";
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  vi.restoreAllMocks();
});

async function start(lines: string[] = []) {
  const terminal = new SimulatorTerminal({ ...syntheticCard });
  const server = createBridge({ terminal, allowedOrigins: [page], log: (l) => lines.push(l) });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const read = (body: unknown, origin = page) =>
    fetch(`${url}/v1/read-basic`, {
      method: "POST",
      headers: { Origin: origin, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  return { url, terminal, read, lines };
}

describe("card-reader bridge over HTTP", () => {
  it("refuses another site's page with 403 and no CORS headers", async () => {
    const { url, read } = await start();
    const refused = await read({ pin: "1234" }, "https://evil.example");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(bridgeErrorSchema.parse(await refused.json()).error.code).toBe("forbiddenOrigin");
    expect((await fetch(`${url}/v1/status`)).status).toBe(403);
  });

  it("answers the allowed origin's status with CORS headers for that origin only", async () => {
    const { url, terminal } = await start();
    const r = await fetch(`${url}/v1/status`, { headers: { Origin: page } });
    expect(r.status).toBe(200);
    expect(r.headers.get("access-control-allow-origin")).toBe(page);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(bridgeStatusSchema.parse(await r.json())).toEqual({
      reader: true,
      readerName: "Ichimado simulated reader",
      card: true,
      simulator: true,
    });
    terminal.inserted = false;
    const empty = bridgeStatusSchema.parse(
      await (await fetch(`${url}/v1/status`, { headers: { Origin: page } })).json(),
    );
    expect(empty.card).toBe(false);
  });

  it("answers the Private Network Access preflight Chromium sends before calling localhost", async () => {
    const { url } = await start();
    const r = await fetch(`${url}/v1/read-basic`, {
      method: "OPTIONS",
      headers: {
        Origin: page,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
        "Access-Control-Request-Private-Network": "true",
      },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-private-network")).toBe("true");
    expect(r.headers.get("access-control-allow-origin")).toBe(page);
    expect(r.headers.get("access-control-allow-methods")).toContain("POST");
    expect(r.headers.get("access-control-allow-headers")).toMatch(/content-type/i);
  });

  it("reads the 基本4情報 with the right PIN", async () => {
    const { read } = await start();
    const r = await read({ pin: "1234" });
    expect(r.status).toBe(200);
    expect(readBasicResponseSchema.parse(await r.json()).card).toEqual({
      name: "高橋　一郎",
      address: "島根県出雲市今市町2丁目15番3号",
      birthDate: "1980-04-01",
      birthDateText: "19800401",
      sex: "male",
      sexCode: "1",
    });
  });

  it("reports a wrong PIN with the tries left, then the lock and what to do", async () => {
    const { read } = await start();
    const first = bridgeErrorSchema.parse(await (await read({ pin: "0000" })).json()).error;
    expect(first).toEqual({ code: "wrongPin", message: "暗証番号が違います。残り2回", triesLeft: 2 });
    const second = await read({ pin: "0001" });
    expect(second.status).toBe(401);
    expect(bridgeErrorSchema.parse(await second.json()).error.triesLeft).toBe(1);
    const third = await read({ pin: "0002" });
    expect(third.status).toBe(423);
    const locked = bridgeErrorSchema.parse(await third.json()).error;
    expect(locked.code).toBe("pinLocked");
    expect(locked.message).toMatch(/ロックされています.*窓口/);
    expect((await read({ pin: "1234" })).status).toBe(423);
    // 照合番号B still opens the card's 基本4情報
    expect((await read({ collationB: syntheticCard.collationB })).status).toBe(200);
  });

  it("says when no card is on the reader, and refuses a malformed request with 400", async () => {
    const { read, terminal } = await start();
    expect(bridgeErrorSchema.parse(await (await read({ pin: "12" })).json()).error.code).toBe("badRequest");
    expect((await read({ pin: "1234", collationB: syntheticCard.collationB })).status).toBe(400);
    terminal.inserted = false;
    const r = await read({ pin: "1234" });
    expect(r.status).toBe(503);
    expect(bridgeErrorSchema.parse(await r.json()).error).toMatchObject({ code: "noCard" });
  });

  it("logs one line per request without the body, the PIN or the card's data", async () => {
    const written: string[] = [];
    for (const stream of [process.stdout, process.stderr])
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    const lines: string[] = [];
    const { read } = await start(lines);
    await read({ pin: "4321" });
    await read({ pin: "1234" });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^POST \/v1\/read-basic 401 \d+ms$/);
    const all = [...lines, ...written].join("\n");
    for (const secret of ["4321", "1234", syntheticCard.myNumber, "高橋", "今市町"])
      expect(all).not.toContain(secret);
  });
});

describe("the bridge as started on a counter PC", () => {
  it("writes neither the 12-digit 個人番号 nor the PIN to stdout or stderr during a read", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cardreader-"));
    const cardFile = path.join(dir, "card.json");
    const card = { ...syntheticCard, pin: "5678", myNumber: "987654321098" };
    fs.writeFileSync(cardFile, JSON.stringify(card));
    let port = 20000 + (process.pid % 20000);
    // the start-up line prints the port: it must not contain the secrets by chance
    while (["5678", "5679"].some((s) => String(port).includes(s))) port += 1;
    const main = path.join(import.meta.dirname, "main.ts");
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        main,
        "--simulator",
        "--card",
        cardFile,
        "--port",
        String(port),
        "--allow-origin",
        page,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += String(d)));
    child.stderr.on("data", (d) => (output += String(d)));
    try {
      await vi.waitFor(() => expect(output).toContain("カードリーダー中継"), {
        timeout: 20_000,
        interval: 100,
      });
      const post = (pin: string) =>
        fetch(`http://127.0.0.1:${port}/v1/read-basic`, {
          method: "POST",
          headers: { Origin: page, "Content-Type": "application/json" },
          body: JSON.stringify({ pin }),
        });
      expect((await post("5679")).status).toBe(401);
      const ok = await post("5678");
      expect(readBasicResponseSchema.parse(await ok.json()).card.name).toBe("高橋　一郎");
      await vi.waitFor(() => expect(output).toContain("POST /v1/read-basic 200"), { timeout: 5_000 });
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(output).not.toContain("987654321098");
    expect(output).not.toContain("5678");
    expect(output).not.toContain("5679");
    expect(output).not.toContain("高橋");
  }, 30_000);
});
