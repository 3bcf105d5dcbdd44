import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { type RefObject, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useNavigate } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert } from "../app/ui.tsx";
import { type CaseTransition, useTransition } from "./api.ts";
import type { CasesLinkState } from "./cases-page.tsx";
import { SavedMessage, StepButton } from "./section.tsx";

const done: Record<CaseTransition, string> = {
  suspend: "対応を保留にしました",
  resume: "対応を再開しました。入力できます",
  close: "対応を完了しました",
  cancel: "対応を取り消しました",
};

/**
 * 保留 / 再開 / 完了 / 取消. 保留 and 取消 end the work on the case, so they go back to the list;
 * 再開 and 完了 stay, and focus goes to the case's heading because the pressed button is gone.
 */
export function CaseActions({
  detail,
  headingRef,
}: {
  detail: CaseDetail;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const transition = useTransition(detail.id);
  const navigate = useNavigate();
  const [message, setMessage] = useState("");
  const [confirming, setConfirming] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const run = (action: CaseTransition) => {
    setMessage("");
    transition.mutate(action, {
      onSuccess: () => {
        if (action === "suspend" || action === "cancel") {
          const state: CasesLinkState = { message: `受付番号 ${detail.id} の${done[action]}` };
          navigate("/cases", { state });
          return;
        }
        setMessage(done[action]);
        headingRef.current?.focus();
      },
    });
  };

  const { status } = detail;
  if (status === "closed" || status === "cancelled") {
    return <SavedMessage message={message} />;
  }
  return (
    <section aria-label="対応の操作" className="flex flex-col gap-3">
      {status === "suspended" && (
        <p className="rounded-8 border-2 border-orange-800 bg-orange-50 p-3 text-std-16B-170 text-orange-1100">
          この対応は保留中です。入力するには再開してください。
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {status === "suspended" && (
          <StepButton pending={transition.isPending} onClick={() => run("resume")}>
            再開
          </StepButton>
        )}
        {status === "open" && (
          <>
            <StepButton pending={transition.isPending} variant="secondary" onClick={() => run("suspend")}>
              保留 (一覧に戻る)
            </StepButton>
            <StepButton pending={transition.isPending} onClick={() => run("close")}>
              完了
            </StepButton>
          </>
        )}
        {!confirming && (
          <StepButton
            ref={cancelButton}
            pending={transition.isPending}
            variant="danger"
            onClick={() => {
              transition.reset();
              setConfirming(true);
            }}
          >
            取消
          </StepButton>
        )}
      </div>
      {confirming && (
        <CancelConfirm
          pending={transition.isPending}
          onCancel={() => run("cancel")}
          onKeep={() => {
            flushSync(() => setConfirming(false));
            cancelButton.current?.focus();
          }}
        />
      )}
      <ErrorAlert message={transition.isError ? errorMessage(transition.error) : null} />
      <SavedMessage message={message} />
    </section>
  );
}

/** Asks before cancelling; the safe choice has focus, so an Enter too many keeps the case. */
function CancelConfirm({
  pending,
  onCancel,
  onKeep,
}: {
  pending: boolean;
  onCancel: () => void;
  onKeep: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keep.current?.focus();
  }, []);
  return (
    <div className="flex flex-col gap-3 rounded-8 border-2 border-red-900 bg-red-50 p-4">
      <p id="cancel-confirm-text" className="text-std-16B-170 text-red-1000">
        この対応を取り消しますか？ 取り消した対応には入力できなくなります。
      </p>
      <div className="flex flex-wrap gap-2">
        <StepButton
          ref={keep}
          pending={pending}
          variant="secondary"
          aria-describedby="cancel-confirm-text"
          onClick={onKeep}
        >
          やめる
        </StepButton>
        <StepButton pending={pending} variant="danger" onClick={onCancel}>
          取り消す
        </StepButton>
      </div>
    </div>
  );
}
