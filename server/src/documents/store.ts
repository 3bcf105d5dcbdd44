import { createHash } from "node:crypto";
import type { leafletListSchema, TemplateVersion } from "@ichimado/core/documents/api";
import {
  type TemplateField,
  type TemplateSave,
  templateFieldSchema,
} from "@ichimado/core/documents/template";
import { sql, type Transaction } from "kysely";
import { z } from "zod";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { HttpError } from "../platform/errors.ts";
import { bytesOf, type PageSize } from "./base-pdf.ts";

/** Base PDFs and template versions: written once, never changed, so they are cached by id. */

const fieldsSchema = z.array(templateFieldSchema);
type LeafletList = z.infer<typeof leafletListSchema>;

export async function saveBasePdf(
  db: Db,
  input: { name: string; bytes: Uint8Array; pages: PageSize[]; staffId: number | null },
): Promise<number> {
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const inserted = await db
    .insertInto("document_base_pdf")
    .values({
      name: input.name,
      sha256,
      pages: JSON.stringify(input.pages),
      bytes: Buffer.from(input.bytes),
      uploaded_by: input.staffId,
    })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return inserted.id;
  // The same file uploaded again is the same base PDF (templates may share it).
  const existing = await db
    .selectFrom("document_base_pdf")
    .select("id")
    .where("sha256", "=", sha256)
    .executeTakeFirstOrThrow();
  return existing.id;
}

export interface BasePdf {
  bytes: Uint8Array<ArrayBuffer>;
  pages: PageSize[];
}

const basePdfs = new Map<number, BasePdf>();

export async function loadBasePdf(db: Db, id: number): Promise<BasePdf | undefined> {
  const cached = basePdfs.get(id);
  if (cached) return cached;
  const row = await db
    .selectFrom("document_base_pdf")
    .select(["bytes", "pages"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const pdf = { bytes: bytesOf(row.bytes), pages: row.pages };
  basePdfs.set(id, pdf);
  return pdf;
}

export interface TemplateRow {
  key: string;
  version: number;
  name: string;
  basePdfId: number;
  fields: TemplateField[];
  validFrom: string;
  validTo: string | null;
}

const templateColumns = [
  "t.key",
  "t.version",
  "t.name",
  "t.base_pdf_id",
  "t.fields",
  "t.valid_from",
  "t.valid_to",
] as const;

function templateRow(r: {
  key: string;
  version: number;
  name: string;
  base_pdf_id: number;
  fields: unknown;
  valid_from: string;
  valid_to: string | null;
}): TemplateRow {
  return {
    key: r.key,
    version: r.version,
    name: r.name,
    basePdfId: r.base_pdf_id,
    fields: fieldsSchema.parse(r.fields),
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

/** The newest version of each template whose period covers the day, among `keys` when given. */
function inForce(db: Db, on: string, keys?: readonly string[]) {
  const q = db
    .selectFrom("document_template as t")
    .distinctOn("t.key")
    .where("t.valid_from", "<=", on)
    .where((eb) => eb.or([eb("t.valid_to", "is", null), eb("t.valid_to", ">=", on)]))
    .orderBy("t.key")
    .orderBy("t.version", "desc");
  return keys ? q.where("t.key", "in", [...new Set(keys)]) : q;
}

/** The version of each template in force on a day: the newest one whose period covers it. */
export async function templatesInForce(db: Db, on: string, keys?: readonly string[]): Promise<TemplateRow[]> {
  if (keys?.length === 0) return [];
  return (await inForce(db, on, keys).select(templateColumns).execute()).map(templateRow);
}

/** Names of the templates in force among `keys`, without reading their fields (a case's read). */
export async function templateNamesInForce(
  db: Db,
  on: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await inForce(db, on, keys).select(["t.key", "t.name"]).execute();
  return new Map(rows.map((r) => [r.key, r.name]));
}

export async function templateVersion(
  db: Db,
  key: string,
  version: number,
): Promise<TemplateRow | undefined> {
  const row = await db
    .selectFrom("document_template as t")
    .select(templateColumns)
    .where("t.key", "=", key)
    .where("t.version", "=", version)
    .executeTakeFirst();
  return row ? templateRow(row) : undefined;
}

export async function allTemplateVersions(db: Db): Promise<TemplateVersion[]> {
  const rows = await db
    .selectFrom("document_template as t")
    .leftJoin("staff_user as s", "s.id", "t.created_by")
    .select([...templateColumns, "s.name as staff_name", "t.created_at"])
    .orderBy("t.key")
    .orderBy("t.version", "desc")
    .execute();
  return rows.map((r) => ({
    ...templateRow(r),
    created: { staffName: r.staff_name ?? "初期様式", at: r.created_at.toISOString() },
  }));
}

/** Saves a new version of a template; refuses when another was saved since the editor loaded it. */
export async function saveTemplateVersion(
  trx: Transaction<Database>,
  save: TemplateSave,
  staffId: number | null,
): Promise<number> {
  // Two editors saving the same key queue here, so the second sees the first's version.
  await sql`select pg_advisory_xact_lock(hashtext(${`document_template:${save.key}`}))`.execute(trx);
  const latest = await trx
    .selectFrom("document_template")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("key", "=", save.key)
    .executeTakeFirstOrThrow();
  const current = latest.version ?? null;
  if (current !== save.baseVersion) {
    throw new HttpError(
      409,
      "CONFLICT",
      current === null
        ? `様式 ${save.key} はまだありません。新しい様式として保存してください`
        : save.baseVersion === null
          ? `様式 ${save.key} はすでにあります (版 ${current})。別のキーにするか、読み込み直して変更してください`
          : `様式 ${save.key} は他の職員が更新しました (版 ${current})。読み込み直してから変更してください`,
    );
  }
  const version = (current ?? 0) + 1;
  await trx
    .insertInto("document_template")
    .values({
      key: save.key,
      version,
      name: save.name,
      base_pdf_id: save.basePdfId,
      fields: JSON.stringify(save.fields),
      valid_from: save.validFrom,
      valid_to: save.validTo,
      created_by: staffId,
    })
    .execute();
  return version;
}

/** Saves a leaflet's PDF as the next version of its key (insert-only, like templates). */
export async function saveLeaflet(
  trx: Transaction<Database>,
  input: { key: string; name: string; pdfId: number; staffId: number | null },
): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`document_leaflet:${input.key}`}))`.execute(trx);
  const latest = await trx
    .selectFrom("document_leaflet")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("key", "=", input.key)
    .executeTakeFirstOrThrow();
  const version = (latest.version ?? 0) + 1;
  await trx
    .insertInto("document_leaflet")
    .values({ key: input.key, version, name: input.name, pdf_id: input.pdfId, created_by: input.staffId })
    .execute();
  return version;
}

/** Every leaflet key at its newest version, with its page count and who registered it. */
export async function allLeaflets(db: Db): Promise<LeafletList["leaflets"]> {
  const rows = await db
    .selectFrom("document_leaflet as l")
    .innerJoin("document_base_pdf as p", "p.id", "l.pdf_id")
    .leftJoin("staff_user as s", "s.id", "l.created_by")
    .select(["l.key", "l.version", "l.name", "p.pages", "s.name as staff_name", "l.created_at"])
    .distinctOn("l.key")
    .orderBy("l.key")
    .orderBy("l.version", "desc")
    .execute();
  return rows.map((r) => ({
    key: r.key,
    version: r.version,
    name: r.name,
    pages: (r.pages as unknown[]).length,
    created: { staffName: r.staff_name ?? "初期設定", at: r.created_at.toISOString() },
  }));
}

/** The newest version of each leaflet key among `keys`. */
function newestLeaflets(db: Db, keys: readonly string[]) {
  return db
    .selectFrom("document_leaflet")
    .select(["key", "name", "pdf_id"])
    .distinctOn("key")
    .where("key", "in", [...new Set(keys)])
    .orderBy("key")
    .orderBy("version", "desc")
    .execute();
}

/** Names (newest version) of the leaflets among `keys` that have a PDF registered. */
export async function leafletNames(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  return new Map((await newestLeaflets(db, keys)).map((r) => [r.key, r.name]));
}

/** The newest version's PDF of each leaflet key, in the order asked; unknown keys are refused. */
export async function leafletPdfs(db: Db, keys: readonly string[]): Promise<Uint8Array<ArrayBuffer>[]> {
  if (keys.length === 0) return [];
  const pdfOf = new Map((await newestLeaflets(db, keys)).map((r) => [r.key, r.pdf_id]));
  return Promise.all(
    keys.map(async (key) => {
      const id = pdfOf.get(key);
      const pdf = id === undefined ? undefined : await loadBasePdf(db, id);
      if (!pdf) throw new HttpError(404, "NOT_FOUND", `案内チラシ ${key} は登録されていません`);
      return pdf.bytes;
    }),
  );
}
