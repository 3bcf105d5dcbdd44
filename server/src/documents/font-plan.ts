import type { FontRole } from "@ichimado/core/documents/template";
import type { DocumentFonts, Face, FaceKey } from "./fonts.ts";

/**
 * Which font draws a field's text. pdfme draws a field in one font, so the usual answer is one
 * face: IPAmj for names; IPAex for body text, or IPAmj when the body holds a character IPAex lacks
 * (𠮷, an IVS). Only text that needs the city's gaiji font for a private-use code next to ordinary
 * characters is drawn in runs, each in the first face that has it (fontRuns plugin).
 */
export type Drawing = { kind: "single"; face: FaceKey } | { kind: "runs"; faces: FaceKey[] };

export interface TextPlan {
  drawing: Drawing;
  /** characters (with their variation selector) no face can draw */
  missing: string[];
}

const isSelector = (cp: number) => (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0xfe00 && cp <= 0xfe0f);

/** A character together with the variation selectors after it: the unit a font maps to one glyph. */
export function clusters(text: string): string[] {
  const out: string[] = [];
  for (const c of text) {
    const last = out.length - 1;
    if (last >= 0 && isSelector(c.codePointAt(0) ?? 0)) out[last] += c;
    else out.push(c);
  }
  return out;
}

/** The faces tried for a role, in order; the gaiji font last. */
function facesFor(role: FontRole, fonts: DocumentFonts): Face[] {
  const primary = role === "name" ? [fonts.name] : [fonts.body, fonts.name];
  return fonts.gaiji ? [...primary, fonts.gaiji] : primary;
}

export const draws = (face: Face, cluster: string) => face.coverage.missing(cluster).length === 0;

export function planText(text: string, role: FontRole, fonts: DocumentFonts): TextPlan {
  const faces = facesFor(role, fonts);
  const whole = faces.find((f) => f.key !== "gaiji" && draws(f, text));
  if (whole) return { drawing: { kind: "single", face: whole.key }, missing: [] };
  const missing: string[] = [];
  const used = new Set<FaceKey>();
  for (const cluster of clusters(text)) {
    const face = faces.find((f) => draws(f, cluster));
    if (face) used.add(face.key);
    else missing.push(cluster);
  }
  const order = faces.map((f) => f.key).filter((k) => used.has(k));
  const first = order[0] ?? (faces[0] as Face).key;
  if (order.length <= 1) return { drawing: { kind: "single", face: first }, missing };
  return { drawing: { kind: "runs", faces: order }, missing };
}

/** "葛󠄂 (U+845B U+E0102)": the character and its code points, since it may not show on screen either. */
export function describeCluster(cluster: string): string {
  const points = [...cluster].map(
    (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
  return `「${cluster}」(${points.join(" ")})`;
}
