import type { CertificateQuoteRequest } from "@ichimado/core/certificates/api";
import { requesterNotes } from "@ichimado/core/certificates/intake";
import {
  type CertificateType,
  requesterKindLabels,
  requesterKinds,
} from "@ichimado/core/certificates/schemas";
import { Checkbox, SelectInput, TextArea } from "../cases/fields.tsx";

type Requester = CertificateQuoteRequest["requester"];

/** 記載事項 a 委任状 must name before a proxy may have them (住民票コード, 個人番号). */
function delegableOptions(types: readonly CertificateType[]): { key: string; name: string }[] {
  const byKey = new Map<string, string>();
  for (const t of types) for (const o of t.options) if (o.delegationMustName) byKey.set(o.key, o.name);
  return [...byKey].map(([key, name]) => ({ key, name }));
}

/** 請求者: who asks, a proxy's 委任状 and what it names, a third party's reason; with what to check. */
export function RequesterFields({
  idPrefix,
  requester,
  types,
  errors,
  onChange,
}: {
  idPrefix: string;
  requester: Requester;
  types: readonly CertificateType[];
  errors: { reason?: string | undefined; delegation?: string | undefined };
  onChange: (requester: Requester) => void;
}) {
  const delegation = requester.delegation ?? { present: false, names: [] };
  const setKind = (kind: Requester["kind"]) =>
    onChange({ ...requester, kind, delegation: kind === "proxy" ? delegation : null });
  const needsReason = requester.kind === "thirdParty" || requester.kind === "official";
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-std-18B-160">請求者</legend>
      <SelectInput
        id={`${idPrefix}-kind`}
        label="請求者と対象の方の関係"
        hint="来庁者の情報から設定しています。違うときは選び直してください"
        value={requester.kind}
        onChange={(e) => setKind(e.currentTarget.value as Requester["kind"])}
      >
        {requesterKinds.map((k) => (
          <option key={k} value={k}>
            {requesterKindLabels[k]}
          </option>
        ))}
      </SelectInput>
      <p className="rounded-8 bg-blue-50 p-3 text-dns-16N-130">{requesterNotes[requester.kind]}</p>
      {requester.kind === "proxy" && (
        <div id={`${idPrefix}-delegation`} tabIndex={-1} className="flex flex-col gap-1">
          <Checkbox
            id={`${idPrefix}-delegation-present`}
            label="委任状（原本）を確認した"
            checked={delegation.present}
            onChange={(present) => onChange({ ...requester, delegation: { ...delegation, present } })}
          />
          {delegableOptions(types).map((o) => (
            <Checkbox
              key={o.key}
              id={`${idPrefix}-delegation-${o.key}`}
              label={`委任状に「${o.name}」の記載がある`}
              checked={delegation.names.includes(o.key)}
              disabled={!delegation.present}
              onChange={(on) =>
                onChange({
                  ...requester,
                  delegation: {
                    ...delegation,
                    names: on ? [...delegation.names, o.key] : delegation.names.filter((n) => n !== o.key),
                  },
                })
              }
            />
          ))}
          {errors.delegation && <p className="text-dns-16N-130 text-error-2">{errors.delegation}</p>}
        </div>
      )}
      {needsReason && (
        <TextArea
          id={`${idPrefix}-reason`}
          label="請求の理由"
          hint="提出先と具体的な使用目的（例: ○○地方裁判所へ提出する訴状の添付書類）"
          value={requester.reason}
          maxLength={500}
          error={errors.reason}
          onChange={(e) => onChange({ ...requester, reason: e.currentTarget.value })}
        />
      )}
    </fieldset>
  );
}
