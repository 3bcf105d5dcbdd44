import type { TemplateField } from "@ichimado/core/documents/template";
import { focusRing } from "../app/ui.tsx";

/** The template's fields by name, to choose one without finding it on the page. */
export function FieldList({
  fields,
  selected,
  onSelect,
}: {
  fields: readonly TemplateField[];
  selected: number | null;
  onSelect: (index: number) => void;
}) {
  if (fields.length === 0) return <p>項目はまだありません。「項目を追加」で置いてください。</p>;
  return (
    <ul aria-label="項目" className="flex flex-wrap gap-2">
      {fields.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a field is its place in the list while names are typed
        <li key={i}>
          <button
            type="button"
            aria-pressed={selected === i}
            className={`rounded-8 border px-3 py-1 ${selected === i ? "border-blue-900 bg-blue-50" : "border-solid-gray-420"} ${focusRing}`}
            onClick={() => onSelect(i)}
          >
            {f.label || f.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
