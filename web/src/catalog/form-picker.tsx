import { leafletListSchema, templateVersionListSchema } from "@ichimado/core/documents/api";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { apiRequest, errorMessage } from "../app/api.ts";
import { ErrorAlert } from "../app/ui.tsx";
import { Checkbox, FieldError } from "../cases/fields.tsx";
import { templatesKey } from "../documents/template-api.ts";
import { LeafletUpload, leafletsKey } from "./leaflet-upload.tsx";

/** Template keys with the name of their newest version, as the forms screen manages them. */
function useFormTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => apiRequest("GET", "/admin/documents/templates", templateVersionListSchema),
    select: (data) => {
      const names = new Map<string, string>();
      // Newest version first per key (the server's order).
      for (const t of data.templates) if (!names.has(t.key)) names.set(t.key, t.name);
      return [...names].map(([key, name]) => ({ key, name }));
    },
  });
}

function useLeaflets() {
  return useQuery({
    queryKey: leafletsKey,
    queryFn: () => apiRequest("GET", "/admin/documents/leaflets", leafletListSchema),
    select: (data) => data.leaflets.map((l) => ({ key: l.key, name: `${l.name}（${l.pages}ページ）` })),
  });
}

interface Props {
  id: string;
  chosen: readonly string[];
  error?: string | undefined;
  onChange: (chosen: string[]) => void;
}

/** The forms (様式) a procedure prints, filled in from the register, the case and the answers. */
export function FormPicker(props: Props) {
  const templates = useFormTemplates();
  return <KeyPicker {...props} legend="印刷する様式" noun="様式" query={templates} />;
}

/** The leaflets (案内チラシ) handed out with a procedure, attached after its forms; new ones upload here. */
export function LeafletPicker(props: Props) {
  const leaflets = useLeaflets();
  return (
    <KeyPicker {...props} legend="添付する案内チラシ" noun="案内チラシ" query={leaflets}>
      <LeafletUpload idPrefix={`${props.id}-upload`} />
    </KeyPicker>
  );
}

/**
 * Ticks among registered keys. A key the catalog names but nothing is registered under yet stays
 * listed, marked, so it is not dropped unseen.
 */
function KeyPicker({
  id,
  chosen,
  error,
  onChange,
  legend,
  noun,
  query,
  children,
}: Props & {
  legend: string;
  noun: string;
  query: {
    data?: { key: string; name: string }[] | undefined;
    isError: boolean;
    isPending: boolean;
    error: unknown;
  };
  children?: ReactNode;
}) {
  const known = query.data ?? [];
  const unknown = chosen.filter((key) => !known.some((t) => t.key === key));
  const rows = [...known, ...unknown.map((key) => ({ key, name: `${key}（未登録の${noun}）` }))];
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-std-20B-150">{legend}</legend>
      <FieldError message={error} />
      {query.isError && <ErrorAlert message={errorMessage(query.error)} />}
      {rows.length === 0 && !query.isPending ? (
        <p className="text-dns-16N-130">登録された{noun}はありません</p>
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
      {children}
    </fieldset>
  );
}
