import { normalizeSafeLinkUri } from "@pdfme/common";
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFObjectCopier,
  type PDFPage,
  PDFString,
} from "@pdfme/pdf-lib";

/**
 * The web links of a base PDF's page, kept on every printed page as pdfme's generate kept them
 * (@pdfme/generator 6.1.13, copyBasePdfUriLinkAnnotations): only URI links with a safe address,
 * cut to the crop box, with their border, colour and highlight. Read once per base page; each
 * printed page gets its own annotations (an annotation belongs to one page).
 */
export interface BaseLink {
  rect: [number, number, number, number];
  uri: string;
  /** Border, C and H of the original, in the base PDF's document */
  copied: { Border?: PDFObject; C?: PDFObject; H?: PDFObject };
  source: PDFPage;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function linksOf(source: PDFPage, crop: Box): BaseLink[] {
  const annotations = source.node.Annots();
  if (!annotations) return [];
  const links: BaseLink[] = [];
  for (let i = 0; i < annotations.size(); i++) {
    const annotation = annotations.lookupMaybe(i, PDFDict);
    if (!annotation || annotation.lookupMaybe(PDFName.of("Subtype"), PDFName) !== PDFName.of("Link"))
      continue;
    const action = annotation.lookupMaybe(PDFName.of("A"), PDFDict);
    if (!action || action.lookupMaybe(PDFName.of("S"), PDFName) !== PDFName.of("URI")) continue;
    const address = action.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString);
    const uri = address ? normalizeSafeLinkUri(address.decodeText()) : undefined;
    const rect = annotation.lookupMaybe(PDFName.of("Rect"), PDFArray)?.asRectangle();
    if (!uri || !rect) continue;
    const left = Math.max(rect.x, crop.x);
    const bottom = Math.max(rect.y, crop.y);
    const right = Math.min(rect.x + rect.width, crop.x + crop.width);
    const top = Math.min(rect.y + rect.height, crop.y + crop.height);
    if (right <= left || top <= bottom) continue;
    const x = left - crop.x;
    const y = bottom - crop.y;
    links.push({
      rect: [x, y, x + (right - left), y + (top - bottom)],
      uri,
      copied: {
        Border: annotation.lookupMaybe(PDFName.of("Border"), PDFArray),
        C: annotation.lookupMaybe(PDFName.of("C"), PDFArray),
        H: annotation.lookupMaybe(PDFName.of("H"), PDFName),
      },
      source,
    });
  }
  return links;
}

export function addLinks(page: PDFPage, links: readonly BaseLink[]): void {
  const { context } = page.doc;
  for (const link of links) {
    const copier = PDFObjectCopier.for(link.source.doc.context, context);
    const { Border, C, H } = link.copied;
    const annotation = context.obj({
      Type: PDFName.of("Annot"),
      Subtype: PDFName.of("Link"),
      Rect: link.rect,
      Border: Border ? copier.copy(Border) : context.obj([0, 0, 0]),
      C: C ? copier.copy(C) : undefined,
      H: H ? copier.copy(H) : undefined,
      A: { Type: PDFName.of("Action"), S: PDFName.of("URI"), URI: PDFString.of(link.uri) },
    });
    page.node.addAnnot(context.register(annotation));
  }
}
