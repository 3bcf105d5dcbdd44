import { passwordPolicyMessage } from "@ichimado/core/auth/password-policy";
import { changePasswordRequestSchema } from "@ichimado/core/auth/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { errorMessage, fieldErrors } from "../app/api.ts";
import { ErrorAlert, focusRing, primaryButton, TextField, useTitle } from "../app/ui.tsx";
import { changePassword } from "./api.ts";
import { setSession, useSession } from "./session.ts";

type Field = "currentPassword" | "newPassword" | "confirmPassword";

export function PasswordPage() {
  useTitle("パスワード変更");
  const forced = useSession().data?.mustChangePassword ?? false;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: (info) => {
      setSession(queryClient, info);
      navigate("/", { replace: true });
    },
    onError: (error) => {
      setErrors(fieldErrors(error));
      setProblem(errorMessage(error));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
    };
    const found: Partial<Record<Field, string>> = {};
    const parsed = changePasswordRequestSchema.safeParse(values);
    for (const issue of parsed.error?.issues ?? []) {
      const key = issue.path[0] as Field;
      found[key] = found[key] ? `${found[key]}。${issue.message}` : issue.message;
    }
    if (form.get("confirmPassword") !== values.newPassword) {
      found.confirmPassword = "確認用のパスワードが新しいパスワードと一致しません";
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblem("入力内容に誤りがあります。各項目のメッセージを確認してください");
      return;
    }
    setProblem(null);
    mutation.mutate(values);
  }

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <div>
        <p className="text-std-24B-150 text-blue-900">いちまど</p>
        <h1 className="text-std-32B-150">パスワード変更</h1>
        {forced && (
          <p className="text-std-16N-170">初めてのログインです。続けるにはパスワードを変更してください。</p>
        )}
      </div>
      <form onSubmit={submit} noValidate className="flex flex-col gap-5">
        <ErrorAlert message={problem} />
        <TextField
          label="現在のパスワード"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          autoFocus
          error={errors.currentPassword}
        />
        <TextField
          label="新しいパスワード"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={passwordPolicyMessage}
          error={errors.newPassword}
        />
        <TextField
          label="新しいパスワード (確認)"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword}
        />
        <button type="submit" className={primaryButton} disabled={mutation.isPending}>
          パスワードを変更
        </button>
        {!forced && (
          <Link to="/" className={`text-blue-900 underline ${focusRing}`}>
            変更せずにホームへ戻る
          </Link>
        )}
      </form>
    </main>
  );
}
