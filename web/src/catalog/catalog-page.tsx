import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, focusRing, Loading, useTitle } from "../app/ui.tsx";
import { linkClass } from "../cases/section.tsx";
import { useCatalogView } from "./api.ts";
import { ImportForm } from "./import-form.tsx";
import { ProcedureTable } from "./procedure-table.tsx";
import { QuestionTable } from "./question-table.tsx";
import { VersionHistory } from "./version-history.tsx";
import { VersionSummary } from "./version-summary.tsx";

/** 手続きカタログ (catalogAdmin): the procedures and questions reception derives from, and their versions. */
export function CatalogPage() {
  useTitle("手続きカタログ");
  const view = useCatalogView();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="flex flex-col gap-8">
      <h1 ref={heading} tabIndex={-1} className={`self-start text-std-28B-150 outline-none ${focusRing}`}>
        手続きカタログ
      </h1>
      <Link to="/admin/documents" className={`self-start ${linkClass}`}>
        帳票様式（印刷する様式の設計）
      </Link>
      <Link to="/admin/certificates" className={`self-start ${linkClass}`}>
        証明書の設定（種類・手数料・使用目的・免除）
      </Link>
      {view.isPending ? (
        <Loading />
      ) : !view.data ? (
        <ErrorAlert message={errorMessage(view.error)} />
      ) : (
        <>
          {view.isError && <ErrorAlert message={errorMessage(view.error)} />}
          <VersionSummary view={view.data} />
          <ProcedureTable view={view.data} />
          <QuestionTable view={view.data} />
        </>
      )}
      <VersionHistory />
      {view.data && <ImportForm baseVersion={view.data.version} />}
    </div>
  );
}
