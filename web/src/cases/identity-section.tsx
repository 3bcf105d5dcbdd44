import {
  type IdentityDocumentKind,
  type IdentityTier,
  identityTierLabels,
  identityTiers,
} from "@ichimado/core/cases/identity";
import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { type FormEvent, useId, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, primaryButton } from "../app/ui.tsx";
import { useIdentityDocuments, useSetIdentity } from "./api.ts";
import { Checkbox, TextInput } from "./fields.tsx";
import { ErrorSummary } from "./form-errors.tsx";
import { CaseSection, SavedMessage } from "./section.tsx";

type Identity = CaseDetail["identity"];

/** 本人確認: the documents shown, by tier; the server judges whether they suffice. */
export function IdentitySection({
  caseId,
  identity,
  editable,
}: {
  caseId: number;
  identity: Identity;
  editable: boolean;
}) {
  return (
    <CaseSection id="identity" title="本人確認">
      <Verdict identity={identity} />
      {editable ? (
        <IdentityForm caseId={caseId} identity={identity} />
      ) : (
        identity &&
        identity.documents.length > 0 && (
          <p className="text-dns-16N-130">
            確認した書類: {identity.documents.map((d) => d.name).join("、")}
            {identity.note && `（${identity.note}）`}
          </p>
        )
      )}
    </CaseSection>
  );
}

function Verdict({ identity }: { identity: Identity }) {
  return (
    <div role="status" data-testid="identity-verdict">
      {!identity ? (
        <p className="text-dns-16N-130 text-solid-gray-700">本人確認は記録されていません</p>
      ) : identity.sufficient ? (
        <p className="rounded-8 border-2 border-green-800 bg-green-50 px-4 py-2 text-std-16B-170 text-green-1000">
          <span aria-hidden="true">✓ </span>
          {identity.message}
        </p>
      ) : (
        <p className="rounded-8 border-2 border-orange-800 bg-orange-50 px-4 py-2 text-std-16B-170 text-orange-1100">
          <span aria-hidden="true">⚠ </span>本人確認が不足しています: {identity.message}
        </p>
      )}
    </div>
  );
}

function IdentityForm({ caseId, identity }: { caseId: number; identity: Identity }) {
  const id = useId();
  const documents = useIdentityDocuments();
  const save = useSetIdentity(caseId);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(identity?.documents.map((d) => d.key) ?? []),
  );
  const [note, setNote] = useState(identity?.note ?? "");
  const [message, setMessage] = useState("");

  if (documents.isPending) return <Loading />;
  if (documents.isError) return <ErrorAlert message={errorMessage(documents.error)} />;

  const byTier = new Map<IdentityTier, IdentityDocumentKind[]>(identityTiers.map((t) => [t, []]));
  for (const d of documents.data.documents) byTier.get(d.tier)?.push(d);

  const toggle = (key: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setMessage("");
    // In the list's order, whatever order they were ticked in.
    const keys = documents.data.documents.map((d) => d.key).filter((k) => chosen.has(k));
    save.mutate({ documents: keys, note }, { onSuccess: () => setMessage("本人確認を保存しました") });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="本人確認書類" className="flex flex-col gap-4">
      <ErrorSummary error={save.error} fieldId={(path) => `${id}-${path}`} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {[...byTier].map(([tier, list]) =>
          list.length === 0 ? null : (
            <fieldset key={tier} className="flex flex-col gap-1">
              <legend className="mb-1 text-std-16B-170 text-solid-gray-800">
                {identityTierLabels[tier]}
              </legend>
              {list.map((d) => (
                <Checkbox
                  key={d.key}
                  id={`${id}-documents-${d.key}`}
                  label={d.name}
                  checked={chosen.has(d.key)}
                  onChange={(on) => toggle(d.key, on)}
                />
              ))}
            </fieldset>
          ),
        )}
      </div>
      <TextInput
        id={`${id}-note`}
        label="備考"
        hint="書類の番号の控えなど (任意)"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <div>
        <button type="submit" aria-disabled={save.isPending || undefined} className={primaryButton}>
          本人確認を保存
        </button>
      </div>
      <SavedMessage message={message} />
    </form>
  );
}
