import { foldKana } from "@ichimado/core/search/kana";
import { useMemo } from "react";
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import { focusRing } from "../app/ui.tsx";

export interface Choice {
  id: string;
  label: string;
  /** a second line in the list (the programme, the counter …) */
  detail?: string;
  /** other text the choice is found by: its reading, its programme */
  keywords?: string;
}

const fold = (text: string) => foldKana(text).toUpperCase();

/**
 * A select of many choices that narrows as staff type (a label or its kana reading, in hiragana or
 * katakana); ↓ opens the list, Enter chooses. Only a listed choice can be the value.
 */
export function FilterSelect({
  fieldId,
  label,
  hint,
  error,
  choices,
  value,
  onChange,
  filter,
  onInputChange,
  loading = false,
}: {
  /** the error summary finds the input by this */
  fieldId: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  choices: readonly Choice[];
  value: string;
  onChange: (id: string) => void;
  /** a matcher of the caller's own instead of the label-and-reading one (address input's) */
  filter?: (choice: Choice, input: string) => boolean;
  onInputChange?: (input: string) => void;
  /** The choices are still on their way: what is typed meanwhile opens the list, which fills in. */
  loading?: boolean;
}) {
  // The list filters on an item's text alone; the text leads back to what else it is known by.
  const searchText = useMemo(
    () => new Map(choices.map((c) => [c.label, fold(`${c.label} ${c.detail ?? ""} ${c.keywords ?? ""}`)])),
    [choices],
  );
  const byLabel = useMemo(() => new Map(choices.map((c) => [c.label, c])), [choices]);
  return (
    <ComboBox
      defaultItems={choices}
      selectedKey={value || null}
      onSelectionChange={(key) => onChange(key === null ? "" : String(key))}
      defaultFilter={(text, input) => {
        const choice = byLabel.get(text);
        if (filter && choice) return input === "" || filter(choice, input);
        return (searchText.get(text) ?? fold(text)).includes(fold(input));
      }}
      onInputChange={onInputChange}
      allowsEmptyCollection={loading}
      isInvalid={Boolean(error)}
      className="flex flex-col gap-1"
    >
      <Label className="text-std-16B-170 text-solid-gray-800">{label}</Label>
      {hint && (
        <Text slot="description" className="text-dns-14N-130 text-solid-gray-700">
          {hint}
        </Text>
      )}
      <div className="flex">
        <Input
          data-field={fieldId}
          className={`min-h-12 min-w-0 flex-1 rounded-l-8 border bg-white px-4 text-std-16N-170 ${error ? "border-error-1" : "border-solid-gray-600"} ${focusRing}`}
        />
        <Button
          aria-label={`${label}の候補を表示`}
          className={`min-h-12 rounded-r-8 border border-l-0 border-solid-gray-600 bg-white px-3 text-solid-gray-800 ${focusRing}`}
        >
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="text-dns-16N-130 text-error-2">{error}</FieldError>
      <Popover className="min-w-(--trigger-width) rounded-8 border border-solid-gray-420 bg-white shadow-2">
        <ListBox
          className="max-h-72 overflow-auto p-1 outline-none"
          renderEmptyState={() => <EmptyList loading={loading} />}
        >
          {(item: Choice) => (
            <ListBoxItem
              id={item.id}
              textValue={item.label}
              className="cursor-pointer rounded-4 px-3 py-2 text-std-16N-170 outline-none data-[focused]:bg-blue-50 data-[selected]:font-bold"
            >
              {item.label}
              {item.detail && (
                <span className="block text-dns-14N-130 text-solid-gray-700">{item.detail}</span>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

function EmptyList({ loading }: { loading: boolean }) {
  return (
    <p className="px-3 py-2 text-dns-16N-130 text-solid-gray-700">
      {loading ? "候補を読み込んでいます…" : "該当する候補はありません"}
    </p>
  );
}
