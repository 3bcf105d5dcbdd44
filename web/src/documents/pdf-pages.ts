import { pointsToMm } from "@ichimado/core/documents/placement";
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";
import { useEffect, useState } from "react";

// The worker is served from our own origin (script-src 'self'); no eval (the CSP forbids it).
GlobalWorkerOptions.workerSrc = workerUrl;

export interface PdfPages {
  pdf: PDFDocumentProxy;
  /** each page's size in mm */
  sizes: { width: number; height: number }[];
}

/** Opens a base PDF with pdf.js to draw its pages in the designer. */
export function usePdfPages(bytes: Uint8Array | undefined): { pages?: PdfPages; error?: string } {
  const [state, setState] = useState<{ pages?: PdfPages; error?: string }>({});
  useEffect(() => {
    if (!bytes) return;
    let cancelled = false;
    // pdf.js takes the buffer over (transfers it to the worker): it gets a copy.
    const task = getDocument({ data: bytes.slice(), isEvalSupported: false });
    task.promise
      .then(async (pdf) => {
        const sizes = [];
        for (let n = 1; n <= pdf.numPages; n++) {
          const viewport = (await pdf.getPage(n)).getViewport({ scale: 1 });
          sizes.push({ width: pointsToMm(viewport.width), height: pointsToMm(viewport.height) });
        }
        if (!cancelled) setState({ pages: { pdf, sizes } });
      })
      .catch(() => {
        if (!cancelled) setState({ error: "元のPDFを表示できません" });
      });
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [bytes]);
  return state;
}

/** Draws one page onto a canvas at `pxPerMm`, sharp on high-density screens. */
export async function drawPage(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  pxPerMm: number,
): Promise<void> {
  const page = await pdf.getPage(pageNumber);
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (pxPerMm * 25.4 * ratio) / 72 });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
}
