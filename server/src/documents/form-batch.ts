import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import type { TemplateField } from "@ichimado/core/documents/template";
import type { Plugin, Schema } from "@pdfme/common";
import * as pdfLib from "@pdfme/pdf-lib";
import {
  PDFContentStream,
  PDFDocument,
  type PDFEmbeddedPage,
  type PDFFont,
  PDFName,
  type PDFPage,
  PDFRawStream,
} from "@pdfme/pdf-lib";
import { text } from "@pdfme/schemas";
import * as fontkit from "fontkit";
import { addLinks, type BaseLink, linksOf } from "./base-links.ts";
import { parsedFont } from "./font-cache.ts";
import { planText, type TextPlan } from "./font-plan.ts";
import type { DocumentFonts } from "./fonts.ts";
import { drawableOnOneLine, memoiseEncoding, OneLineWriter } from "./one-line.ts";
import { fontRunsPlugin, fontRunsType } from "./runs-plugin.ts";
import { fontOptions, type PlacedText, schemaOf } from "./text-schema.ts";

/**
 * Filled-in forms, one or a batch, as one PDF. This does what pdfme's generate did for the batch
 * (same plugins, same schemas, same operators on each page) but shares what generate could not:
 * generate takes one base PDF, so the batch's base PDFs used to be copied into one (parsed, copied,
 * saved, parsed again) and every page embedded as its own form XObject; here each distinct base
 * PDF is read once and its pages embedded once, and every form of it draws that same XObject.
 * Fields pdfme would split into lines draw through pdfme's text plugin; one-line fields that surely
 * fit draw through one-line.ts, which writes the same operators without the line splitting.
 */
export interface FormToRender {
  basePdf: Uint8Array<ArrayBuffer>;
  pageCount: number;
  fields: readonly TemplateField[];
  values: Readonly<Record<string, string>>;
}

/** pdfme's text plugin keeps each document's embedded fonts under this key of the render cache. */
const pdfmeFontCacheKey = "text-pdf-font-cache";
/** what pdfme writes as author, creator and producer */
const pdfmeName = "pdfme (https://pdfme.com/)";

interface BasePage {
  embedded: PDFEmbeddedPage;
  width: number;
  height: number;
  links: BaseLink[];
}

/** Each distinct base PDF (by content: two forms from one template may hold separate copies) once. */
class SharedBases {
  private readonly byBytes = new Map<Uint8Array, Promise<BasePage[]>>();
  private readonly byContent = new Map<string, Promise<BasePage[]>>();
  constructor(private readonly doc: PDFDocument) {}

  of(bytes: Uint8Array<ArrayBuffer>): Promise<BasePage[]> {
    let pages = this.byBytes.get(bytes);
    if (!pages) {
      const key = contentKey(bytes);
      pages = this.byContent.get(key) ?? this.embed(key, bytes);
      this.byContent.set(key, pages);
      this.byBytes.set(bytes, pages);
    }
    return pages;
  }

  /** as pdfme embeds a base PDF: each page cut to its crop box */
  private async embed(key: string, bytes: Uint8Array<ArrayBuffer>): Promise<BasePage[]> {
    const source = (await parsedBase(key, bytes)).getPages();
    const boxes = source.map((p) => p.getCropBox());
    const embedded = await this.doc.embedPages(
      source,
      boxes.map((b) => ({ left: b.x, bottom: b.y, right: b.x + b.width, top: b.y + b.height })),
    );
    return embedded.map((e, i) => {
      const box = boxes[i] as { x: number; y: number; width: number; height: number };
      return { embedded: e, width: box.width, height: box.height, links: linksOf(source[i] as PDFPage, box) };
    });
  }
}

/**
 * Base PDFs parsed once per process, by content (each print reads its templates' bytes afresh):
 * embedding only reads the parsed document, copying the page into the printed one. A city has a
 * few dozen templates; the cap keeps memory bounded if versions pile up.
 */
const parsedBases = new Map<string, Promise<PDFDocument>>();
const parsedBasesCap = 32;

const contentKey = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("base64");

function parsedBase(key: string, bytes: Uint8Array<ArrayBuffer>): Promise<PDFDocument> {
  let doc = parsedBases.get(key);
  if (doc) {
    parsedBases.delete(key); // most recently used last
  } else {
    doc = PDFDocument.load(bytes);
    doc.catch(() => parsedBases.delete(key));
  }
  parsedBases.set(key, doc);
  for (const old of parsedBases.keys()) {
    if (parsedBases.size <= parsedBasesCap) break;
    parsedBases.delete(old);
  }
  return doc;
}

type Render = NonNullable<Plugin<Schema>["pdf"]>;

export async function renderForms(
  forms: readonly FormToRender[],
  fonts: DocumentFonts,
  title: string,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // fontkit's own types and pdf-lib's description of it differ only in fields pdf-lib never reads.
  doc.registerFontkit(fontkit as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
  const bases = new SharedBases(doc);
  const options = { font: fontOptions(fonts), lang: "ja" as const, title };
  const renders: Record<string, Render> = {
    text: text.pdf as Render,
    [fontRunsType]: fontRunsPlugin(fonts).pdf as Render,
  };
  // One cache for the whole PDF, as generate gives one per call: each font embedded once.
  const cache = new Map<string | number, unknown>();
  const pdfFonts = (): Record<string, Promise<PDFFont>> => {
    let byName = cache.get(pdfmeFontCacheKey) as Record<string, Promise<PDFFont>> | undefined;
    if (!byName) {
      byName = {};
      cache.set(pdfmeFontCacheKey, byName);
    }
    return byName;
  };
  // A batch repeats its values (one household's names on every form): each field's schema for a
  // value, and the font plan behind it, is worked out once.
  const plans = new Map<string, TextPlan>();
  const schemas = new Map<TemplateField, Map<string, Schema>>();
  const schemaFor = (f: TemplateField, page: number, value: string): Schema => {
    let byValue = schemas.get(f);
    if (!byValue) {
      byValue = new Map();
      schemas.set(f, byValue);
    }
    let schema = byValue.get(value);
    if (!schema) {
      const planKey = `${f.font}\u0000${value}`;
      let plan = plans.get(planKey);
      if (!plan) {
        plan = planText(value, f.font, fonts);
        plans.set(planKey, plan);
      }
      // The name only tells fields apart within pdfme's generate, which this does not call.
      const placed: PlacedText = {
        name: f.name,
        page,
        x: f.x,
        y: f.y,
        width: f.width,
        height: f.height,
        role: f.font,
        size: f.size,
        align: f.align,
        value,
      };
      schema = schemaOf(placed, plan.drawing);
      byValue.set(value, schema);
    }
    return schema;
  };
  const oneLine = new OneLineWriter();

  for (const form of forms) {
    const basePages = await bases.of(form.basePdf);
    for (const f of form.fields)
      if (f.page < 1 || f.page > basePages.length)
        throw new Error(`text ${f.name} is on page ${f.page} of ${basePages.length}`);
    for (const [p, base] of basePages.entries()) {
      const page = doc.addPage([base.embedded.width, base.embedded.height]);
      page.drawPage(base.embedded);
      page.setMediaBox(0, 0, base.width, base.height);
      page.setBleedBox(0, 0, base.width, base.height);
      page.setTrimBox(0, 0, base.width, base.height);
      addLinks(page, base.links);
      for (const f of form.fields) {
        if (f.page !== p + 1) continue;
        const value = form.values[f.name] || "";
        const schema = schemaFor(f, p, value);
        if (drawableOnOneLine(schema, value)) {
          const data = options.font[schema.fontName]?.data as Uint8Array;
          const cached = pdfFonts();
          cached[schema.fontName] ??= doc.embedFont(data, { subset: true });
          const font = memoiseEncoding(await (cached[schema.fontName] as Promise<PDFFont>));
          oneLine.draw(page, schema, value, font, parsedFont(data));
          continue;
        }
        const render = renders[schema.type];
        if (!render) throw new Error(`no renderer for ${schema.type}`);
        await render({
          value,
          schema,
          basePdf: form.basePdf,
          pdfLib,
          pdfDoc: doc,
          page,
          options,
          _cache: cache,
        });
      }
    }
  }
  // The document information pdfme's generate writes.
  const now = new Date();
  doc.setAuthor(pdfmeName);
  doc.setCreationDate(now);
  doc.setCreator(pdfmeName);
  doc.setKeywords([]);
  doc.setLanguage("ja");
  doc.setModificationDate(now);
  doc.setProducer(pdfmeName);
  doc.setSubject("");
  doc.setTitle(title);
  deflateNatively(doc);
  return doc.save();
}

/**
 * Compresses with Node's zlib instead of pdf-lib's pako, which sets up a fresh 64 KB deflate state
 * for every stream and deflates in JavaScript: for a batch's hundred small page streams and the
 * font subsets that was a fifth of the whole print. Same content, same filter; only the compressed
 * bytes may differ. The pages' content streams are compressed here, the fonts' (written at save)
 * through the document's own flateStream, replaced on this document only.
 */
function deflateNatively(doc: PDFDocument): void {
  const { context } = doc;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream)) continue;
    const { dict } = object;
    dict.set(PDFName.of("Filter"), PDFName.of("FlateDecode"));
    context.assign(ref, PDFRawStream.of(dict, deflateSync(object.getUnencodedContents())));
  }
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typeof contents === "string" ? Buffer.from(contents, "latin1") : contents), {
      ...dict,
      Filter: "FlateDecode",
    });
}
