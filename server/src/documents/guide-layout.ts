import type { GuideSheetContent } from "@ichimado/core/documents/guide-sheet";
import type { BlankPdf } from "@pdfme/common";
import type { PlacedText } from "./render.ts";

/**
 * The 手続き案内書 on a blank A4 page, as pdfme schemas made here. Type is large (body 12 pt and up,
 * headings 15 pt) for residents who read it at home. Each procedure is a heading and a body that
 * grows with its text; pdfme's dynamic layout moves what follows down and breaks pages, so a long
 * list simply continues on the next page under the same header.
 */
const left = 15;
const width = 180;
const bodySize = 12;

/** A4 with room for the header every page repeats (city, title, page number). */
export function guideSheetBase(city: string): BlankPdf {
  const header = {
    type: "multiVariableText",
    fontName: "ipaex",
    fontSize: 10,
    alignment: "left",
    verticalAlignment: "middle",
    lineHeight: 1,
    characterSpacing: 0,
    fontColor: "#000000",
    backgroundColor: "",
    readOnly: true,
    variables: ["currentPage", "totalPages"],
  };
  const line = `${city}　手続きのご案内　{currentPage} / {totalPages} ページ`;
  return {
    width: 210,
    height: 297,
    padding: [20, 15, 18, 15],
    staticSchema: [
      { ...header, name: "header", position: { x: left, y: 8 }, width, height: 7, text: line, content: line },
    ],
  };
}

/** A text of the sheet and whose name it holds, if any (for the message about a missing glyph). */
export type GuideText = PlacedText & { who: string };

export function guideSheetTexts(content: GuideSheetContent): GuideText[] {
  const texts: GuideText[] = [];
  let y = 20;
  const add = (
    t: Omit<PlacedText, "page" | "x" | "width" | "align" | "y"> & { x?: number; gap: number; who?: string },
  ) => {
    const { gap, who, ...text } = t;
    const x = t.x ?? left;
    texts.push({ ...text, who: who ?? "", page: 0, x, y, width: width - (x - left), align: "left" });
    y += t.height + gap;
  };
  add({ name: "title", role: "body", size: 20, height: 10, gap: 2, value: "手続きのご案内" });
  add({
    name: "issued",
    role: "body",
    size: bodySize,
    height: 6,
    gap: 2,
    value: `${content.city}　${content.date}`,
  });
  if (content.visitorName)
    add({
      name: "visitor",
      role: "name",
      size: 14,
      height: 8,
      gap: 2,
      who: content.visitorName,
      value: `${content.visitorName}　様`,
    });
  add({
    name: "intro",
    role: "body",
    size: bodySize,
    height: 6,
    gap: 4,
    expand: true,
    lineHeight: 1.4,
    value:
      content.items.length > 0
        ? "今日の届出にあわせて、次の手続きが必要です。「これから」の手続きは、書いてある窓口でお手続きください。「済み」の手続きは終わっています。"
        : "今日の届出にあわせて必要な手続きはありません。",
  });
  content.items.forEach((item, i) => {
    add({
      name: `item${i}_name`,
      role: "body",
      size: 15,
      height: 8,
      gap: 1,
      value: `${i + 1}.　${item.name}`,
    });
    if (item.person)
      add({
        name: `item${i}_person`,
        role: "name",
        size: bodySize,
        height: 6,
        gap: 1,
        x: left + 6,
        who: item.person,
        value: `対象の方：${item.person}`,
      });
    add({
      name: `item${i}_body`,
      role: "body",
      size: bodySize,
      height: 6,
      gap: 5,
      x: left + 6,
      expand: true,
      lineHeight: 1.4,
      value: [
        `内容：${item.what}`,
        `持ち物：${item.bring}`,
        `行き先：${item.where}`,
        `状況：${item.status}`,
      ].join("\n"),
    });
  });
  return texts;
}
