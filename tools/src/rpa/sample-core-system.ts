import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { parseJapaneseDate } from "@ichimado/core/common/wareki";
import { z } from "zod";

/**
 * A stand-in for a core system's 住民記録 screen, made for the reference robot's tests and demos: a
 * 転出入力 form that checks what is typed as such screens do (和暦 dates, required fields) and
 * answers with an 異動番号. Nothing is kept beyond the process; `/api/entries` lists what was
 * registered, so a test can see what the robot typed.
 */
export const coreSystemEntrySchema = z.object({
  /** 異動番号, as the screen answered it */
  number: z.string(),
  personId: z.string(),
  name: z.string(),
  occurredOn: z.string(),
  notifiedOn: z.string(),
  destination: z.string(),
  notifier: z.string(),
});
export type CoreSystemEntry = z.infer<typeof coreSystemEntrySchema>;
export const coreSystemEntryListSchema = z.object({ entries: z.array(coreSystemEntrySchema) });

/** The 転出入力 screen's path; the robot opens it from the system's base URL. */
export const moveOutEntryPath = "/juki/idou/tenshutsu";

/** The form's fields by their `name`, in screen order, with the label a clerk (or robot) reads. */
const fields = {
  atena: "宛名番号",
  shimei: "氏名",
  idobi: "異動日",
  todokedebi: "届出日",
  tenshutsusaki: "転出先住所",
  todokedenin: "届出人",
} as const;
type FieldName = keyof typeof fields;
type FormValues = Record<FieldName, string>;

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${html(title)} - 住民記録システム（試験用）</title>
<style>
body { font-family: "MS Gothic", monospace; background: #d4d0c8; margin: 0; }
header { background: #003399; color: #fff; padding: 4px 12px; }
main { padding: 12px; }
table { border-collapse: collapse; background: #fff; }
th { background: #e8e8e8; text-align: left; font-weight: normal; padding: 4px 8px; border: 1px solid #888; }
td { padding: 4px 8px; border: 1px solid #888; }
input { width: 28em; }
.error { color: #c00; font-weight: bold; }
.result { color: #060; font-weight: bold; }
</style></head>
<body><header>住民記録システム（試験用）</header><main><h1>${html(title)}</h1>${body}</main></body></html>`;
}

function moveOutForm(values: Partial<FormValues> = {}, error?: string): string {
  const rows = (Object.keys(fields) as FieldName[])
    .map((name) => {
      const hint = name === "idobi" || name === "todokedebi" ? "（和暦 例: R8.10.1）" : "";
      return `<tr><th><label for="${name}">${fields[name]}${hint}</label></th>
<td><input id="${name}" name="${name}" value="${html(values[name] ?? "")}"></td></tr>`;
    })
    .join("\n");
  return layout(
    "異動入力 転出入力",
    `${error ? `<p class="error" role="alert">入力エラー: ${html(error)}</p>` : ""}
<form method="post" action="${moveOutEntryPath}"><table>${rows}</table>
<p><button type="submit">登録</button></p></form>`,
  );
}

/** The screen's own checks; the first problem is shown, as such screens do. */
function check(values: FormValues): { entry: Omit<CoreSystemEntry, "number"> } | { error: string } {
  for (const name of Object.keys(fields) as FieldName[])
    if (!values[name].trim()) return { error: `${fields[name]}を入力してください` };
  if (!/^\d{1,15}$/.test(values.atena)) return { error: "宛名番号は半角数字で入力してください" };
  const dates: string[] = [];
  for (const name of ["idobi", "todokedebi"] as const) {
    const parsed = parseJapaneseDate(values[name]);
    if (!parsed.ok || parsed.precision !== "day")
      return { error: `${fields[name]}「${values[name]}」は日付として読めません（例: R8.10.1）` };
    dates.push(parsed.date);
  }
  const [occurredOn = "", notifiedOn = ""] = dates;
  return {
    entry: {
      personId: values.atena,
      name: values.shimei.trim(),
      occurredOn,
      notifiedOn,
      destination: values.tenshutsusaki.trim(),
      notifier: values.todokedenin.trim(),
    },
  };
}

async function readForm(request: IncomingMessage): Promise<FormValues | null> {
  let body = "";
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 64 * 1024) return null;
  }
  const form = new URLSearchParams(body);
  const values = {} as FormValues;
  for (const name of Object.keys(fields) as FieldName[]) values[name] = form.get(name) ?? "";
  return values;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": `${type}; charset=utf-8` });
  response.end(body);
}

export interface SampleCoreSystem {
  /** the base URL, e.g. `http://127.0.0.1:4000` */
  url: string;
  close(): Promise<void>;
}

/** Starts the sample core system; port 0 (the default) takes a free one. */
export async function startSampleCoreSystem(
  options: { port?: number; host?: string } = {},
): Promise<SampleCoreSystem> {
  const entries: CoreSystemEntry[] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method === "GET" && url.pathname === "/")
      return send(
        response,
        200,
        "text/html",
        layout("業務メニュー", `<ul><li><a href="${moveOutEntryPath}">異動入力 転出入力</a></li></ul>`),
      );
    if (request.method === "GET" && url.pathname === moveOutEntryPath)
      return send(response, 200, "text/html", moveOutForm());
    if (request.method === "POST" && url.pathname === moveOutEntryPath) {
      const values = await readForm(request);
      if (!values) return send(response, 413, "text/plain", "入力が大きすぎます");
      const checked = check(values);
      if ("error" in checked) return send(response, 200, "text/html", moveOutForm(values, checked.error));
      const number = `T-${String(entries.length + 1).padStart(4, "0")}`;
      entries.push({ number, ...checked.entry });
      return send(
        response,
        200,
        "text/html",
        layout(
          "異動入力 転出入力",
          `<p class="result" role="status">登録しました 異動番号 <span id="entry-number">${number}</span></p>
<p><a href="${moveOutEntryPath}">続けて入力</a></p>`,
        ),
      );
    }
    if (request.method === "GET" && url.pathname === "/api/entries")
      return send(response, 200, "application/json", JSON.stringify({ entries }));
    send(response, 404, "text/plain", "ページがありません");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const { address, port, family } = server.address() as AddressInfo;
  return {
    url: `http://${family === "IPv6" ? `[${address}]` : address}:${port}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

// `node --import tsx tools/src/rpa/sample-core-system.ts --port 4000`: the page for trying a robot by hand.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "4000" } } });
  const system = await startSampleCoreSystem({ port: Number(values.port) });
  console.log(
    `試験用の住民記録システム: ${system.url}${moveOutEntryPath}（登録内容: ${system.url}/api/entries）`,
  );
}
