import { Checkbox, FieldError } from "../cases/fields.tsx";

/**
 * Several values chosen by checkboxes under one legend. Each box's id starts with `id`, so an error
 * summary that names `id` brings focus to the first box.
 */
export function CheckGroup<V extends string>({
  id,
  legend,
  options,
  chosen,
  onChange,
  error,
  columns = "sm:grid-cols-3",
}: {
  id: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  chosen: readonly V[];
  onChange: (chosen: V[]) => void;
  error?: string | undefined;
  columns?: string;
}) {
  // Kept in the order of the options, whatever order they were ticked in.
  const toggle = (value: V, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v))));
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-std-16B-170 text-solid-gray-800">{legend}</legend>
      <div className={`grid grid-cols-1 gap-x-4 ${columns}`}>
        {options.map((o) => (
          <Checkbox
            key={o.value}
            id={`${id}.${o.value}`}
            label={o.label}
            checked={chosen.includes(o.value)}
            onChange={(on) => toggle(o.value, on)}
          />
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
