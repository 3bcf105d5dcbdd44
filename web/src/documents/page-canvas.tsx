import { moveField, type PageSize, resizeField } from "@ichimado/core/documents/placement";
import { sourceLabel, type TemplateField } from "@ichimado/core/documents/template";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from "react";
import { focusRing } from "../app/ui.tsx";
import { drawPage } from "./pdf-pages.ts";

/** Screen pixels per millimetre: an A4 page is 672 px wide, a field's text still readable. */
const pxPerMm = 3.2;

interface Props {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  size: PageSize;
  /** every field of the template, with its index; only this page's are drawn */
  fields: readonly TemplateField[];
  selected: number | null;
  onSelect: (index: number) => void;
  onChange: (index: number, field: TemplateField) => void;
}

/**
 * One page of the base PDF with the template's fields over it: a field is chosen by clicking it,
 * moved by dragging it (or with the arrow keys, Shift for 5 mm) and sized by dragging its corner
 * (or Alt with the arrow keys).
 */
export function PageCanvas({ pdf, pageNumber, size, fields, selected, onSelect, onChange }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawError, setDrawError] = useState(false);
  useEffect(() => {
    if (!canvas.current) return;
    setDrawError(false);
    drawPage(pdf, pageNumber, canvas.current, pxPerMm).catch(() => setDrawError(true));
  }, [pdf, pageNumber]);
  return (
    <div
      className="relative border border-solid-gray-600 bg-white shadow"
      style={{ width: size.width * pxPerMm, height: size.height * pxPerMm }}
    >
      <canvas
        ref={canvas}
        aria-label={`元のPDF ${pageNumber}ページ目`}
        role="img"
        className="absolute inset-0 h-full w-full"
      />
      {drawError && (
        <p className="absolute inset-x-0 top-4 text-center text-error-2">このページを表示できません</p>
      )}
      {fields.map((field, index) =>
        field.page === pageNumber ? (
          <FieldBox
            // biome-ignore lint/suspicious/noArrayIndexKey: a field is its place in the list; a rename keeps the box and its focus
            key={index}
            field={field}
            selected={selected === index}
            size={size}
            onSelect={() => onSelect(index)}
            onChange={(next) => onChange(index, next)}
          />
        ) : null,
      )}
    </div>
  );
}

interface Drag {
  kind: "move" | "resize";
  x: number;
  y: number;
  origin: TemplateField;
}

function FieldBox({
  field,
  selected,
  size,
  onSelect,
  onChange,
}: {
  field: TemplateField;
  selected: boolean;
  size: PageSize;
  onSelect: () => void;
  onChange: (field: TemplateField) => void;
}) {
  const drag = useRef<Drag | null>(null);
  const start = (kind: Drag["kind"]) => (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    onSelect();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { kind, x: event.clientX, y: event.clientY, origin: field };
  };
  const move = (event: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = (event.clientX - d.x) / pxPerMm;
    const dy = (event.clientY - d.y) / pxPerMm;
    onChange(d.kind === "move" ? moveField(d.origin, dx, dy, size) : resizeField(d.origin, dx, dy, size));
  };
  const end = () => {
    drag.current = null;
  };
  const keys = (event: KeyboardEvent<HTMLButtonElement>) => {
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const arrow = arrows[event.key];
    if (!arrow) return;
    event.preventDefault();
    const mm = event.shiftKey ? 5 : 0.5;
    const [dx, dy] = [arrow[0] * mm, arrow[1] * mm];
    onChange(event.altKey ? resizeField(field, dx, dy, size) : moveField(field, dx, dy, size));
  };
  const what = field.label || field.name;
  return (
    <button
      type="button"
      aria-pressed={selected}
      aria-label={`${what}（${sourceLabel(field.source)}）横${field.x} 縦${field.y} 幅${field.width} 高さ${field.height} mm`}
      onPointerDown={start("move")}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={end}
      onClick={onSelect}
      onKeyDown={keys}
      className={`absolute cursor-move touch-none overflow-hidden border-2 text-left text-dns-14N-130 ${selected ? "z-10 border-blue-900 bg-blue-50/70" : "border-dashed border-orange-700 bg-yellow-50/60"} ${focusRing}`}
      style={{
        left: field.x * pxPerMm,
        top: field.y * pxPerMm,
        width: field.width * pxPerMm,
        height: field.height * pxPerMm,
      }}
    >
      <span aria-hidden="true" className="pointer-events-none block truncate px-1 leading-tight">
        {field.source === "fixed" ? field.text || what : sourceLabel(field.source)}
      </span>
      <span
        aria-hidden="true"
        data-handle="resize"
        onPointerDown={start("resize")}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        className="absolute right-0 bottom-0 h-3 w-3 cursor-se-resize bg-blue-900"
      />
    </button>
  );
}
