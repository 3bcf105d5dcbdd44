import type { RequestFormContent } from "@ichimado/core/certificates/request-form";
import type { BlankPdf } from "@pdfme/common";
import type { DocumentFonts } from "./fonts.ts";
import { missingGlyphs } from "./glyph-check.ts";
import type { GuideText } from "./guide-layout.ts";
import { renderPdf } from "./render.ts";

/**
 * The 証明書交付請求書 (J36) on blank A4: the request line by line in large type, the total, and a
 * box for the visitor's signature. Lines grow with their text and break pages like the 手続き案内書.
 */
export const requestFormTitle = "証明書交付請求書";
const left = 15;
const width = 180;
const size = 12;

const base: BlankPdf = { width: 210, height: 297, padding: [18, 15, 18, 15] };

function requestFormTexts(content: RequestFormContent): GuideText[] {
  const texts: GuideText[] = [];
  let y = 18;
  const add = (
    t: Omit<GuideText, "page" | "x" | "y" | "width" | "align" | "who"> & {
      gap: number;
      who?: string;
      align?: GuideText["align"];
    },
  ) => {
    const { gap, who, align, ...text } = t;
    texts.push({ ...text, who: who ?? "", page: 0, x: left, y, width, align: align ?? "left" });
    y += t.height + gap;
  };
  add({
    name: "title",
    role: "body",
    size: 20,
    height: 10,
    gap: 2,
    align: "center",
    value: requestFormTitle,
  });
  add({
    name: "to",
    role: "body",
    size,
    height: 6,
    gap: 1,
    value: `${content.city}長　あて　　${content.date}`,
  });
  add({
    name: "requester",
    role: "name",
    size,
    height: 6,
    gap: 4,
    who: content.visitorName ?? "",
    value: `請求者：${content.visitorName ? `${content.visitorName}（${content.requester}）` : content.requester}`,
  });
  content.lines.forEach((line, i) => {
    add({
      name: `line${i}`,
      role: "name",
      size,
      height: 6,
      gap: 3,
      expand: true,
      lineHeight: 1.4,
      who: line.person,
      value: [
        `${i + 1}.　${line.certificate}　${line.quantity}通`,
        `　対象の方：${line.person}`,
        `　記載事項：${line.options}`,
        `　使用目的：${line.purpose}`,
        `　手数料：${line.fee}`,
      ].join("\n"),
    });
  });
  add({ name: "total", role: "body", size: 15, height: 8, gap: 6, value: `手数料の合計：${content.total}` });
  add({
    name: "sign",
    role: "body",
    size,
    height: 14,
    gap: 0,
    expand: true,
    lineHeight: 1.6,
    value:
      "上記のとおり請求します。内容を確かめて署名してください。\n請求者署名：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿",
  });
  return texts;
}

export function requestFormProblems(content: RequestFormContent, fonts: DocumentFonts): string[] {
  return missingGlyphs(
    requestFormTexts(content).map((t) => ({
      who: t.who,
      where: requestFormTitle,
      role: t.role,
      value: t.value,
    })),
    fonts,
  );
}

export function renderRequestForm(content: RequestFormContent, fonts: DocumentFonts): Promise<Uint8Array> {
  return renderPdf({ base, pageCount: 1, texts: requestFormTexts(content), fonts, title: requestFormTitle });
}
