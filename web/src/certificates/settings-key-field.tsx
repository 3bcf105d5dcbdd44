import { TextInput } from "../cases/fields.tsx";

/**
 * The key an entry is saved under: typed for a new entry only, since saved requests and purposes
 * name entries by it; a saved entry shows it as text.
 */
export function KeyField({
  id,
  isNew,
  label,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  isNew: boolean;
  label: string;
  /** the form a key takes, with an example */
  hint: string;
  value: string;
  error: string | undefined;
  onChange: (key: string) => void;
}) {
  if (!isNew)
    return (
      <p className="self-center font-mono text-dns-14N-130 text-solid-gray-700">
        <span className="sr-only">{label}: </span>
        {value}
      </p>
    );
  return (
    <TextInput
      id={id}
      label={label}
      hint={`${hint}。保存後は変えられません`}
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
