import { parseArgs } from "node:util";
import { PDFDocument } from "@pdfme/pdf-lib";
import { chromium } from "playwright-core";
import { loadConfig } from "../config.ts";
import { documentFonts } from "../documents/fonts.ts";
import { renderForms } from "../documents/render.ts";
import { type SampleForm as Form, sampleForms } from "../documents/testing/forms.ts";
import { summarise } from "./stats.ts";

/**
 * One form, a batch of 10 and a batch of 100, filled in with the same values two ways: our
 * renderer (form-batch.ts: each base PDF embedded once, fields drawn as pdfme draws them, as every
 * print does) and the way many systems print, an HTML page of the same boxes, labels and values
 * turned into a PDF by Chromium's `page.pdf()` with the same fonts. Both keep their engine warm (fonts parsed, browser running): only the print is timed.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { rounds: { type: "string", default: "20" } } });
  const rounds = Number(values.rounds);
  // Only the document fonts are read from the configuration (DOCUMENT_NAME_FONT, … if set).
  const fonts = await documentFonts(
    loadConfig({
      ...process.env,
      ICHIMADO_MODE: "test",
      ICHIMADO_AUDIT_KEY: "bench-only-key-0123456789abcdef0123",
    }),
  );
  const forms = await sampleForms(fonts);
  const batch = (n: number) => Array.from({ length: n }, (_, i) => forms[i % forms.length] as Form);
  // The sample batches repeat seven forms with one person's data, as a household's batch repeats
  // its names and dates; our renderer reuses what it worked out for a repeated value. This batch
  // numbers every value (its last characters replaced by the form's number) so none repeats.
  const distinct = batch(100).map((f, i): Form => {
    const values = Object.fromEntries(Object.entries(f.values).map(([k, v]) => [k, numbered(v, i)]));
    return { ...f, values, render: { ...f.render, values } };
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const page = await browser.newPage();
  console.log(
    `# PDF benchmark: the ${forms.length} initial forms filled with sample data, ${rounds} rounds per size (fewer for 100)\n`,
  );
  console.log(
    "| forms | ours p50 | ours p99 | ours per form | Chromium page.pdf() p50 | p99 | per form | ratio (p50) |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  try {
    const sizes = [
      { label: "1", chosen: batch(1) },
      { label: "10", chosen: batch(10) },
      { label: "100", chosen: batch(100) },
      { label: "100, no value repeated", chosen: distinct },
    ];
    for (const { label, chosen } of sizes) {
      const n = chosen.length;
      const times = n === 100 ? Math.max(3, Math.ceil(rounds / 4)) : rounds;
      const ours = await timed(times, async () => {
        const pdf = await renderForms(
          chosen.map((f) => f.render),
          fonts,
          "bench",
        );
        return pdf;
      });
      const html = htmlOf(chosen);
      const theirs = await timed(times, async () => {
        await page.setContent(html, { waitUntil: "load" });
        return page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
      });
      const a = summarise(ours.ms);
      const b = summarise(theirs.ms);
      if (ours.pages !== n || theirs.pages !== n)
        throw new Error(`page counts differ from ${n}: ours ${ours.pages}, Chromium ${theirs.pages}`);
      console.log(
        `| ${label} | ${ms(a.p50)} | ${ms(a.p99)} | ${ms(a.p50 / n)} | ${ms(b.p50)} | ${ms(b.p99)} | ${ms(b.p50 / n)} | ${(b.p50 / a.p50).toFixed(1)}× |`,
      );
    }
  } finally {
    await browser.close();
  }
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

/** "令和8年10月1日" for form 42 → "令和8年10月42": as long, no longer the same as another form's. */
function numbered(value: string, form: number): string {
  const n = String(form);
  return value.length > n.length ? value.slice(0, value.length - n.length) + n : value;
}

/** Times `rounds` runs after two warm-ups; also returns the last PDF's page count. */
async function timed(
  rounds: number,
  print: () => Promise<Uint8Array>,
): Promise<{ ms: number[]; pages: number }> {
  let last = await print();
  last = await print();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    last = await print();
    times.push(performance.now() - started);
  }
  return { ms: times, pages: (await PDFDocument.load(last)).getPageCount() };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** The same page as HTML: ruled boxes, title and labels in IPAex明朝, names in IPAmj明朝, in mm. */
function htmlOf(forms: readonly Form[]): string {
  const font = (role: string) => (role === "name" ? "IPAmjMincho" : "IPAexMincho");
  const at = (x: number, y: number, w: number, h: number) =>
    `left:${x}mm;top:${y}mm;width:${w}mm;height:${h}mm`;
  const pages = forms.map(({ form, fields, values }) => {
    const boxes = form.boxes
      .map(
        (b) =>
          `<div class="box" style="${at(b.x, b.y, b.width, b.height)}"><span class="label">${escapeHtml(b.label)}</span></div>`,
      )
      .join("");
    const texts = fields
      .map(
        (f) =>
          `<div class="text" style="${at(f.x, f.y, f.width, f.height)};font-family:${font(f.font)};font-size:${f.size}pt;text-align:${f.align}">${escapeHtml(values[f.name] ?? "")}</div>`,
      )
      .join("");
    return `<section class="page"><h1>${escapeHtml(form.title)}</h1><p class="to">${escapeHtml(form.addressee)}</p>${boxes}${texts}</section>`;
  });
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 0 }
    body { margin: 0; font-family: IPAexMincho }
    .page { position: relative; width: 210mm; height: 297mm; overflow: hidden; page-break-after: always }
    .page:last-child { page-break-after: auto }
    h1 { position: absolute; top: 14mm; left: 15mm; width: 180mm; margin: 0; text-align: center; font-size: 20pt; font-weight: normal }
    .to { position: absolute; top: 30mm; left: 15mm; margin: 0; font-size: 11pt }
    .box { position: absolute; box-sizing: border-box; border: 0.25mm solid #000 }
    .label { position: absolute; left: 1.5mm; top: 0.8mm; font-size: 7.5pt }
    .text { position: absolute; white-space: pre-wrap; line-height: 1.2 }
  </style></head><body>${pages.join("")}</body></html>`;
}
