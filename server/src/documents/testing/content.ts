import {
  decodePDFRawStream,
  PDFArray,
  PDFContentStream,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  type PDFRef,
  PDFString,
} from "@pdfme/pdf-lib";

/**
 * What a PDF draws, read back with pdf-lib: a page's operators as written (resource names made
 * neutral, as they are only keys into the page's resources), the fonts and XObjects it uses.
 */
export async function pageOperators(pdf: Uint8Array, page: number): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const node = doc.getPage(page).node;
  const contents = node.get(PDFName.of("Contents"));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  let text = "";
  for (const ref of refs) {
    const stream = doc.context.lookup(ref as PDFRef);
    const bytes =
      stream instanceof PDFRawStream
        ? decodePDFRawStream(stream).decode()
        : stream instanceof PDFContentStream
          ? stream.getUnencodedContents()
          : new Uint8Array();
    text += `${Buffer.from(bytes).toString("latin1")}\n`;
  }
  return text.replace(/\/[A-Za-z]+-\w+/g, "/R");
}

/** The base names of the Type0 (CID) fonts the PDF embeds, one entry per font object. */
export async function embeddedFonts(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const names: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Subtype")) !== PDFName.of("Type0")) continue;
    names.push(String(object.get(PDFName.of("BaseFont"))).replace(/^\/|-\d+$/g, ""));
  }
  return names.sort();
}

/** How many distinct XObjects the pages draw (a base PDF's page embedded once is one, however often drawn). */
export async function pageXObjects(pdf: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(pdf);
  const refs = new Set<string>();
  for (const page of doc.getPages()) {
    const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
    for (const value of xObjects?.values() ?? []) refs.add(String(value));
  }
  return refs.size;
}

/** A page's link annotations: where, and the address they open. */
export async function pageLinks(pdf: Uint8Array, page: number): Promise<{ rect: number[]; uri: string }[]> {
  const doc = await PDFDocument.load(pdf);
  const annotations = doc.getPage(page).node.Annots();
  const links: { rect: number[]; uri: string }[] = [];
  for (let i = 0; i < (annotations?.size() ?? 0); i++) {
    const annotation = annotations?.lookupMaybe(i, PDFDict);
    const action = annotation?.lookupMaybe(PDFName.of("A"), PDFDict);
    const uri = action?.lookupMaybe(PDFName.of("URI"), PDFString);
    const rect = annotation?.lookupMaybe(PDFName.of("Rect"), PDFArray);
    if (uri && rect) links.push({ rect: rect.asArray().map(Number), uri: uri.decodeText() });
  }
  return links;
}
