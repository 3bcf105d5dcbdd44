import { useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, useTitle } from "../app/ui.tsx";
import { EditorFrame } from "../catalog/editor-frame.tsx";
import { useCertificateSettingsView } from "./settings-api.ts";
import { SettingsForm } from "./settings-form.tsx";

/** `/admin/certificates` (catalogAdmin): the certificate types, purposes and exemptions, saved whole. */
export function CertificateSettingsPage() {
  useTitle("証明書の設定");
  const view = useCertificateSettingsView();
  // A new generation is a fresh form on the latest version (after a refused save).
  const [generation, setGeneration] = useState(0);
  const [reloading, setReloading] = useState(false);

  const reload = async () => {
    setReloading(true);
    const read = await view.refetch();
    setReloading(false);
    // A failed read keeps the form as it is, under the error, rather than restart on the old version.
    if (!read.isError) setGeneration((g) => g + 1);
  };

  return (
    <EditorFrame title="証明書の設定" boxed={false}>
      {view.isPending ? (
        <Loading />
      ) : !view.data ? (
        <ErrorAlert message={errorMessage(view.error)} />
      ) : (
        <>
          {view.isError && <ErrorAlert message={errorMessage(view.error)} />}
          <SettingsForm key={generation} view={view.data} reloading={reloading} onReload={reload} />
        </>
      )}
    </EditorFrame>
  );
}
