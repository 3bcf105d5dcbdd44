import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, secondaryButton } from "../app/ui.tsx";
import { verifyAuditLog } from "./api.ts";

/** 改ざん検査: every row's hash and link recomputed on the server; the problems named by their 番号. */
export function VerifyPanel() {
  const verify = useMutation({ mutationFn: verifyAuditLog });
  const result = verify.data;
  return (
    <section
      aria-labelledby="audit-verify"
      className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4"
    >
      <h2 id="audit-verify" className="text-std-20B-150">
        改ざん検査
      </h2>
      <p className="text-dns-16N-130 text-solid-gray-700">
        すべての記録について、内容と前後のつながりが記録した時のままかを検査します。記録が多いと時間がかかります。
      </p>
      <div>
        <button
          type="button"
          className={secondaryButton}
          disabled={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {verify.isPending ? "検査中…" : "改ざん検査を実行"}
        </button>
      </div>
      <div role="status" aria-live="polite" className="text-dns-16N-130">
        {result?.ok && (
          <p className="text-std-16B-170">
            正常です。{result.checkedRows.toLocaleString("ja-JP")} 件の記録を検査し、異常はありませんでした。
          </p>
        )}
      </div>
      {result && !result.ok && (
        <div
          role="alert"
          className="flex flex-col gap-2 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-error-2"
        >
          <p className="text-std-16B-170">
            異常があります。{result.checkedRows.toLocaleString("ja-JP")} 件を検査し、{result.problems.length}{" "}
            件の異常が見つかりました。
          </p>
          <ul className="list-disc pl-6">
            {result.problems.map((p) => (
              <li key={`${p.seq}-${p.kind}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {verify.isError && <ErrorAlert message={errorMessage(verify.error)} />}
    </section>
  );
}
