import type { BlankPrintRequest } from "@ichimado/core/documents/counter-prints";
import type { AuditActor } from "../audit/writer.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { bytesOf, joinPdfs } from "./base-pdf.ts";
import { documentFonts } from "./fonts.ts";
import { formToRender } from "./print.ts";
import { renderForms } from "./render.ts";
import { leafletPdfs, templatesInForce } from "./store.ts";

/**
 * Blank forms and leaflets as one PDF (G26–G28 outside a case): each form's version in force with
 * only its fixed text, for a resident to fill in at the desk or take home. Nothing personal is on
 * it, so nothing joins a case's print history; the print is audited all the same (who, which forms).
 */
export async function printBlank(
  ctx: AppContext,
  actor: AuditActor,
  request: BlankPrintRequest,
  today: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const keys = [...new Set(request.templates)];
  const byKey = new Map((await templatesInForce(ctx.db, today, keys)).map((t) => [t.key, t]));
  const templates = keys.map((key) => {
    const template = byKey.get(key);
    if (!template)
      throw new HttpError(404, "NOT_FOUND", `様式 ${key} は現在使用できません (有効な版がありません)`);
    return template;
  });
  const leafletKeys = [...new Set(request.leaflets)];
  // Unknown leaflets are refused here, before anything is drawn or audited.
  const leaflets = await leafletPdfs(ctx.db, leafletKeys);
  let forms: Uint8Array<ArrayBuffer> | undefined;
  if (templates.length > 0) {
    const fonts = await documentFonts(ctx.config);
    const toRender = await Promise.all(
      templates.map((t) =>
        formToRender(
          ctx.db,
          t,
          Object.fromEntries(t.fields.map((f) => [f.name, f.source === "fixed" ? f.text : ""])),
        ),
      ),
    );
    forms = bytesOf(await renderForms(toRender, fonts, templates.map((t) => t.name).join("・")));
  }
  const pdf = await joinPdfs(forms ? [forms, ...leaflets] : leaflets);
  await ctx.audit.write(ctx.db, actor, {
    action: "document.print",
    target: "blank",
    personIds: [],
    detail: {
      blank: true,
      templates: templates.map((t) => ({ key: t.key, version: t.version })),
      leaflets: leafletKeys,
    },
    outcome: "success",
  });
  return pdf;
}
