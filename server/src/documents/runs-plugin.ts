import { mm2pt, type Plugin, type Schema } from "@pdfme/common";
import type { PDFFont } from "@pdfme/pdf-lib";
import { clusters, draws } from "./font-plan.ts";
import type { DocumentFonts, Face, FaceKey } from "./fonts.ts";

/**
 * A pdfme schema type for one line of text drawn in several fonts: each run of characters in the
 * first face that has them. pdfme's own text draws a field in one font and has no per-glyph
 * fallback, so a name such as 田 + a city's private-use gaiji code needs this. One line, shrunk to
 * the box's width if longer, centred vertically like the text fields.
 */
export const fontRunsType = "fontRuns";

export interface FontRunsSchema extends Schema {
  faces: FaceKey[];
  fontSize: number;
  alignment: "left" | "center" | "right";
}

interface Run {
  face: Face;
  text: string;
}

function runsOf(text: string, faces: readonly Face[]): Run[] {
  const runs: Run[] = [];
  for (const cluster of clusters(text.replace(/\s*\n\s*/g, " "))) {
    const face = faces.find((f) => draws(f, cluster)) ?? (faces[0] as Face);
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += cluster;
    else runs.push({ face, text: cluster });
  }
  return runs;
}

export function fontRunsPlugin(fonts: DocumentFonts): Plugin<FontRunsSchema> {
  const byKey = new Map<FaceKey, Face>([
    ["ipamj", fonts.name],
    ["ipaex", fonts.body],
    ...(fonts.gaiji ? [["gaiji", fonts.gaiji] as const] : []),
  ]);
  return {
    async pdf({ value, schema, pdfDoc, page, _cache }) {
      if (!value) return;
      const faces = schema.faces.map((k) => byKey.get(k)).filter((f): f is Face => f !== undefined);
      const runs = runsOf(value, faces);
      // Embedded once per document (the same cache pdfme gives every plugin for one generate call).
      const embed = (face: Face): Promise<PDFFont> => {
        const key = `${fontRunsType}:${face.key}`;
        let font = _cache.get(key) as Promise<PDFFont> | undefined;
        if (!font) {
          font = pdfDoc.embedFont(face.parsed, { subset: true });
          _cache.set(key, font);
        }
        return font;
      };
      const pdfFonts = await Promise.all(runs.map((r) => embed(r.face)));
      const boxWidth = mm2pt(schema.width);
      const boxHeight = mm2pt(schema.height);
      const natural = runs.reduce(
        (w, r, i) => w + (pdfFonts[i] as PDFFont).widthOfTextAtSize(r.text, schema.fontSize),
        0,
      );
      const size = natural > boxWidth ? (schema.fontSize * boxWidth) / natural : schema.fontSize;
      const width = (natural * size) / schema.fontSize;
      const left = mm2pt(schema.position.x);
      let x =
        schema.alignment === "center"
          ? left + (boxWidth - width) / 2
          : schema.alignment === "right"
            ? left + boxWidth - width
            : left;
      // The tallest run's font sets the line box, centred in the field; the baseline sits above its descent.
      const full = Math.max(...pdfFonts.map((f) => f.heightAtSize(size)));
      const ascent = Math.max(...pdfFonts.map((f) => f.heightAtSize(size, { descender: false })));
      const top = page.getHeight() - mm2pt(schema.position.y);
      const baseline = top - (boxHeight - full) / 2 - ascent;
      runs.forEach((run, i) => {
        const font = pdfFonts[i] as PDFFont;
        page.drawText(run.text, { x, y: baseline, size, font });
        x += font.widthOfTextAtSize(run.text, size);
      });
    },
    ui() {
      // Only the generator uses this type; the designer places ordinary text fields.
    },
    propPanel: {
      schema: {},
      defaultSchema: {
        name: "",
        type: fontRunsType,
        position: { x: 0, y: 0 },
        width: 50,
        height: 10,
        faces: ["ipamj"],
        fontSize: 12,
        alignment: "left",
      },
    },
  };
}
