import type { StaffSummary } from "@ichimado/core/staff/schemas";
import { useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ConfirmChoice, ErrorAlert, secondaryButton } from "../app/ui.tsx";
import { SavedMessage } from "../cases/section.tsx";
import { type AccountAction, useAccountAction } from "./api.ts";
import { OneTimePassword } from "./one-time-password.tsx";

const labels: Record<AccountAction, { button: string; done: string; confirm?: string }> = {
  disable: {
    button: "無効にする",
    done: "無効にしました",
    confirm: "無効にすると、この職員はすぐにログアウトされ、ログインできなくなります。",
  },
  enable: { button: "有効にする", done: "有効にしました" },
  unlock: { button: "ロックを解除する", done: "ロックを解除しました" },
  "reset-password": {
    button: "パスワードを再発行する",
    done: "パスワードを再発行しました",
    confirm: "再発行すると、今のパスワードは使えなくなり、この職員はすぐにログアウトされます。",
  },
};

/** 無効化・有効化・ロック解除・パスワード再発行; the ones that take access away are asked again. */
export function AccountActions({ staff }: { staff: StaffSummary }) {
  const act = useAccountAction();
  const [confirming, setConfirming] = useState<AccountAction | null>(null);
  const [said, setSaid] = useState("");
  const available: AccountAction[] = [
    staff.disabled ? "enable" : "disable",
    ...(staff.locked ? (["unlock"] as const) : []),
    "reset-password",
  ];
  const run = (action: AccountAction) => {
    setSaid("");
    act.mutate(
      { id: staff.id, action, expectedUpdatedAt: staff.updatedAt },
      {
        onSuccess: () => {
          setConfirming(null);
          setSaid(labels[action].done);
        },
      },
    );
  };
  return (
    <section
      aria-labelledby="account-actions-heading"
      className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2 id="account-actions-heading" className="text-std-20B-150">
        アカウントの操作
      </h2>
      {act.isError && <ErrorAlert message={errorMessage(act.error)} />}
      <SavedMessage message={said} />
      {act.data?.oneTimePassword && (
        <OneTimePassword loginId={act.data.staff.loginId} password={act.data.oneTimePassword} />
      )}
      {confirming ? (
        <ConfirmChoice
          message={labels[confirming].confirm}
          action={labels[confirming].button}
          pending={act.isPending}
          onConfirm={() => run(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <div className="flex flex-wrap gap-2">
          {available.map((action) => (
            <button
              key={action}
              type="button"
              className={secondaryButton}
              disabled={act.isPending}
              onClick={() => (labels[action].confirm ? setConfirming(action) : run(action))}
            >
              {labels[action].button}
              {labels[action].confirm ? "…" : ""}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
