import { errorMessage } from "./api.ts";
import { ErrorAlert } from "./ui.tsx";

/**
 * What became of a CSV export (downloadCsv): the file's name and how many characters CP932 could
 * not hold, announced to screen readers, or why it was refused.
 */
export function DownloadStatus({
  done,
  error,
}: {
  done: { fileName: string; replaced: number } | undefined;
  error: unknown;
}) {
  return (
    <>
      <div role="status" className="text-dns-16N-130">
        {done &&
          `${done.fileName} を出力しました。${
            done.replaced > 0
              ? `Shift_JIS で表せない文字 ${done.replaced} 字を「〓」にしています。元の文字は UTF-8 版に入っています。`
              : ""
          }`}
      </div>
      {error != null && <ErrorAlert message={errorMessage(error)} />}
    </>
  );
}
