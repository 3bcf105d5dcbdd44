import {
  type DocumentSource,
  documentSourceKeys,
  documentSourceLabels,
  type TemplateField,
} from "@ichimado/core/documents/template";
import { secondaryButton } from "../app/ui.tsx";
import { SelectInput, TextInput } from "../cases/fields.tsx";

interface Props {
  index: number;
  field: TemplateField;
  pageCount: number;
  /** the catalog's questions, whose answers a field may print */
  questions: readonly { key: string; label: string }[];
  errors: Record<string, string>;
  onChange: (field: TemplateField) => void;
  onRemove: () => void;
}

const number = (text: string, fallback: number) => {
  const n = Number(text);
  return text.trim() === "" || Number.isNaN(n) ? fallback : n;
};

/** The chosen field's name, data source, type and exact position, as the server checks them. */
export function FieldPanel({ index, field, pageCount, questions, errors, onChange, onRemove }: Props) {
  const id = (name: string) => `field-${index}-${name}`;
  const error = (name: string) => errors[`fields.${index}.${name}`];
  const set = <K extends keyof TemplateField>(key: K, value: TemplateField[K]) =>
    onChange({ ...field, [key]: value });
  const mm = (key: "x" | "y" | "width" | "height", label: string) => (
    <TextInput
      id={id(key)}
      label={label}
      type="number"
      step={0.5}
      min={0}
      value={field[key]}
      error={error(key)}
      onChange={(e) => set(key, number(e.target.value, field[key]))}
    />
  );
  return (
    <section
      aria-labelledby={id("heading")}
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4"
    >
      <h3 id={id("heading")} className="text-std-18B-160">
        項目: {field.label || field.name}
      </h3>
      <TextInput
        id={id("name")}
        label="項目名（英字）"
        value={field.name}
        error={error("name")}
        onChange={(e) => set("name", e.target.value)}
      />
      <TextInput
        id={id("label")}
        label="表示名"
        hint="印刷できない文字の案内などで職員に見せる名前（例: 氏名欄）"
        value={field.label}
        error={error("label")}
        onChange={(e) => set("label", e.target.value)}
      />
      <SelectInput
        id={id("source")}
        label="印字するデータ"
        value={field.source}
        error={error("source")}
        onChange={(e) => set("source", e.target.value as DocumentSource)}
      >
        <optgroup label="住民記録・届出・来庁者">
          {documentSourceKeys.map((key) => (
            <option key={key} value={key}>
              {documentSourceLabels[key]}
            </option>
          ))}
        </optgroup>
        <optgroup label="質問への回答">
          {questions.map((q) => (
            <option key={q.key} value={`answer:${q.key}`}>
              {q.label}
            </option>
          ))}
        </optgroup>
      </SelectInput>
      {field.source === "fixed" && (
        <TextInput
          id={id("text")}
          label="固定文字"
          value={field.text}
          error={error("text")}
          onChange={(e) => set("text", e.target.value)}
        />
      )}
      <div className="grid grid-cols-2 gap-4">
        <SelectInput
          id={id("font")}
          label="書体"
          value={field.font}
          onChange={(e) => set("font", e.target.value === "name" ? "name" : "body")}
        >
          <option value="name">氏名・住所（IPAmj明朝）</option>
          <option value="body">本文（IPAex明朝）</option>
        </SelectInput>
        <TextInput
          id={id("size")}
          label="文字の大きさ (pt)"
          type="number"
          min={4}
          max={96}
          value={field.size}
          error={error("size")}
          onChange={(e) => set("size", number(e.target.value, field.size))}
        />
        <SelectInput
          id={id("align")}
          label="揃え"
          value={field.align}
          onChange={(e) => set("align", e.target.value as TemplateField["align"])}
        >
          <option value="left">左</option>
          <option value="center">中央</option>
          <option value="right">右</option>
        </SelectInput>
        <TextInput
          id={id("page")}
          label="ページ"
          type="number"
          min={1}
          max={pageCount}
          value={field.page}
          error={error("page")}
          onChange={(e) => set("page", Math.trunc(number(e.target.value, field.page)))}
        />
        {mm("x", "左端から (mm)")}
        {mm("y", "上端から (mm)")}
        {mm("width", "幅 (mm)")}
        {mm("height", "高さ (mm)")}
      </div>
      <button type="button" className={`${secondaryButton} self-start`} onClick={onRemove}>
        この項目を削除
      </button>
    </section>
  );
}
