import type { CertificateSettingsView } from "@ichimado/core/certificates/api";
import { type FormEvent, useId, useState } from "react";
import { primaryButton } from "../app/ui.tsx";
import { ErrorSummary, type Issue, issuesOf } from "../cases/form-errors.tsx";
import { SavedMessage } from "../cases/section.tsx";
import { ConflictNotice } from "../catalog/conflict-notice.tsx";
import { formatDateTime } from "../registry/status.ts";
import { useSaveCertificateSettings } from "./settings-api.ts";
import { readDraft, type SettingsDraft, settingsDraftOf } from "./settings-draft.ts";
import { ExemptionList } from "./settings-exemptions.tsx";
import { PurposeList } from "./settings-purposes.tsx";
import { TypeTable } from "./settings-type-table.tsx";

/**
 * The whole settings in one form with one save. It keeps the version it was loaded from as the
 * base of its save, so a version someone else saved meanwhile is refused (409) instead of
 * overwritten; after its own save the new version is the base.
 */
export function SettingsForm({
  view,
  reloading,
  onReload,
}: {
  view: CertificateSettingsView;
  reloading: boolean;
  onReload: () => void;
}) {
  const id = useId();
  const fieldId = (path: string) => `${id}-${path}`;
  const save = useSaveCertificateSettings();
  const [draft, setDraft] = useState(() => settingsDraftOf(view));
  const [base, setBase] = useState({ version: view.version, updated: view.updated });
  const [local, setLocal] = useState<Issue[]>([]);
  const [saved, setSaved] = useState("");
  const issues = local.length > 0 ? local : issuesOf(save.error);
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved("");
    const read = readDraft(draft);
    if (!read.ok) {
      setLocal(read.issues);
      return;
    }
    setLocal([]);
    save.mutate(
      { ...read.settings, expectedVersion: base.version },
      {
        onSuccess: (answer) => {
          setDraft(settingsDraftOf(answer, draft));
          setBase({ version: answer.version, updated: answer.updated });
          setSaved(`版 ${answer.version} として保存しました。受付の手数料は今から新しい設定で計算します`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="証明書の設定" className="flex flex-col gap-8">
      <p className="text-dns-16N-130 text-solid-gray-700" data-testid="base-version">
        版 {base.version} をもとに編集しています
        {base.updated
          ? `（最終更新: ${base.updated.staffName}、${formatDateTime(base.updated.at)}）`
          : "（初期設定のまま、まだ保存されていません）"}
      </p>
      <ErrorSummary error={save.error} local={local} fieldId={fieldId} />
      <ConflictNotice error={save.error} reloading={reloading} onReload={onReload} />
      <TypeTable
        types={draft.types}
        issues={issues}
        fieldId={fieldId}
        onChange={(types) => set("types", types)}
      />
      <PurposeList
        purposes={draft.purposes}
        exemptions={draft.exemptions}
        issues={issues}
        fieldId={fieldId}
        onChange={(purposes) => set("purposes", purposes)}
      />
      <ExemptionList
        exemptions={draft.exemptions}
        issues={issues}
        fieldId={fieldId}
        onChange={(exemptions) => set("exemptions", exemptions)}
      />
      <div className="flex flex-col gap-4 border-t border-solid-gray-420 pt-4">
        <p className="text-dns-16N-130">
          すべての変更を一度に保存します。受け付け済みの請求の手数料は、受け付けたときのまま変わりません。
        </p>
        <div>
          <button type="submit" aria-disabled={save.isPending || undefined} className={primaryButton}>
            証明書の設定を保存
          </button>
        </div>
        <SavedMessage message={saved} />
      </div>
    </form>
  );
}
