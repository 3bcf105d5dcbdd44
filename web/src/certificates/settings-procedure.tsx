import type { ProcedureDefinition } from "@ichimado/core/catalog/procedures";
import { programmeKeys, programmeLabels } from "@ichimado/core/programmes/programmes";
import { SelectInput } from "../cases/fields.tsx";
import { useCatalogView } from "../catalog/api.ts";

/**
 * Procedures by the group an administrator looks in: the certificates first (the catalog keys them
 * `certificate-…`), then every other procedure under its programme.
 */
function procedureGroups(procedures: readonly ProcedureDefinition[]) {
  const certificates = procedures.filter((p) => p.key.startsWith("certificate-"));
  const others = procedures.filter((p) => !p.key.startsWith("certificate-"));
  return [
    { label: "証明書", procedures: certificates },
    ...programmeKeys.map((programme) => ({
      label: programmeLabels[programme],
      procedures: others.filter((p) => p.programme === programme),
    })),
  ].filter((g) => g.procedures.length > 0);
}

/**
 * The catalog procedure an accepted request adds to the case, or none. The list is the
 * administrators' view of the catalog (reception's list needs a permission an administrator may
 * not hold); a key the catalog no longer has stays shown as such until changed, and the server
 * refuses to save it.
 */
export function ProcedureSelect({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  /** a procedure key, or "" for none */
  value: string;
  error: string | undefined;
  onChange: (procedureKey: string) => void;
}) {
  const catalog = useCatalogView();
  const procedures = catalog.data?.procedures;
  const known = !procedures || procedures.some((p) => p.key === value);
  return (
    <SelectInput
      id={id}
      label="カタログの手続き"
      hint={
        catalog.isError
          ? "手続きカタログを読み込めませんでした。今の設定のまま保存できます"
          : "受け付けた請求は、この手続きを案件に加えます"
      }
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      <option value="">なし（案件に手続きを加えない）</option>
      {value && !procedures && <option value={value}>{value}</option>}
      {value && !known && <option value={value}>{value}（手続きカタログにありません）</option>}
      {procedureGroups(procedures ?? []).map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.procedures.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectInput>
  );
}
