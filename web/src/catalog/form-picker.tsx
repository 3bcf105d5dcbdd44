import { templateVersionListSchema } from "@ichimado/core/documents/api";
import { useQuery } from "@tanstack/react-query";
import { apiRequest, errorMessage } from "../app/api.ts";
import { ErrorAlert } from "../app/ui.tsx";
import { Checkbox, FieldError } from "../cases/fields.tsx";

/** Template keys with the name of their newest version, as the forms screen manages them. */
function useFormTemplates() {
  return useQuery({
    queryKey: ["admin", "document-templates"],
    queryFn: () => apiRequest("GET", "/admin/documents/templates", templateVersionListSchema),
    select: (data) => {
      const names = new Map<string, string>();
      // Newest version first per key (the server's order).
      for (const t of data.templates) if (!names.has(t.key)) names.set(t.key, t.name);
      return [...names].map(([key, name]) => ({ key, name }));
    },
  });
}

/**
 * The forms (様式) a procedure prints, filled in from the register, the case and the answers. A key
 * the catalog names but no template has yet stays listed, marked, so it is not dropped unseen.
 */
export function FormPicker({
  id,
  chosen,
  error,
  onChange,
}: {
  id: string;
  chosen: readonly string[];
  error?: string | undefined;
  onChange: (chosen: string[]) => void;
}) {
  const templates = useFormTemplates();
  const known = templates.data ?? [];
  const unknown = chosen.filter((key) => !known.some((t) => t.key === key));
  const rows = [...known, ...unknown.map((key) => ({ key, name: `${key}（未登録の様式）` }))];
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-std-20B-150">印刷する様式</legend>
      <FieldError message={error} />
      {templates.isError && <ErrorAlert message={errorMessage(templates.error)} />}
      {rows.length === 0 && !templates.isPending ? (
        <p className="text-dns-16N-130">登録された様式はありません</p>
      ) : (
        <div className="rounded-8 border border-solid-gray-420 px-3 py-1">
          {rows.map((t) => (
            <Checkbox
              key={t.key}
              id={`${id}.${t.key}`}
              label={
                <>
                  {t.name}
                  <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{t.key}</span>
                </>
              }
              checked={chosen.includes(t.key)}
              onChange={(on) => onChange(on ? [...chosen, t.key] : chosen.filter((k) => k !== t.key))}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}
