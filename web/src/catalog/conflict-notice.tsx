import { ApiError } from "../app/api.ts";
import { StepButton } from "../cases/section.tsx";

/**
 * After a 409 (someone saved a version since this editor loaded its own): the way on is to read the
 * latest version, which replaces what was typed here — said before the button, not after.
 */
export function ConflictNotice({
  error,
  reloading,
  onReload,
}: {
  error: unknown;
  reloading: boolean;
  onReload: () => void;
}) {
  if (!(error instanceof ApiError && error.status === 409)) return null;
  return (
    <div className="flex flex-wrap items-center gap-4 rounded-8 border border-solid-gray-420 bg-white p-4">
      <p className="text-dns-16N-130">最新の版を読み込むと、この画面で入力中の変更は破棄されます。</p>
      <StepButton pending={reloading} variant="secondary" onClick={onReload}>
        最新の版を読み込み直す
      </StepButton>
    </div>
  );
}
