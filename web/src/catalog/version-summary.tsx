import type { CatalogView } from "@ichimado/core/catalog/admin-schemas";
import { useId } from "react";
import { secondaryButton } from "../app/ui.tsx";
import { formatDateTime } from "../registry/status.ts";
import { exportHref } from "./api.ts";

/** The version reception derives from now: its number, who saved it when and why. */
export function VersionSummary({ view }: { view: CatalogView }) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2 id={`${id}-heading`} className="text-std-20B-150">
        現在の版
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-dns-16N-130">
        <dt className="text-solid-gray-700">版</dt>
        <dd className="text-dns-16B-130" data-testid="current-version">
          版 {view.version}
        </dd>
        <dt className="text-solid-gray-700">保存日時</dt>
        <dd>{formatDateTime(view.createdAt)}</dd>
        <dt className="text-solid-gray-700">保存した職員</dt>
        <dd>{view.createdBy ?? "（初期設定）"}</dd>
        <dt className="text-solid-gray-700">変更理由</dt>
        <dd>{view.note || "—"}</dd>
        <dt className="text-solid-gray-700">件数</dt>
        <dd>
          手続き {view.procedures.length} 件・質問 {view.questions.length} 件
        </dd>
      </dl>
      <div>
        <a href={exportHref()} download className={secondaryButton}>
          現在の版をファイルに書き出す
        </a>
      </div>
    </section>
  );
}
