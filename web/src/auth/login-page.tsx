import { loginRequestSchema } from "@ichimado/core/auth/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Navigate, useNavigate } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, primaryButton, TextField, useTitle } from "../app/ui.tsx";
import { login } from "./api.ts";
import { setSession, useSession } from "./session.ts";

export function LoginPage() {
  useTitle("ログイン");
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (info) => {
      setSession(queryClient, info);
      navigate("/", { replace: true });
    },
    onError: (error) => setProblem(errorMessage(error)),
  });

  if (session.data && !mutation.isPending) return <Navigate to="/" replace />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginRequestSchema.safeParse({
      loginId: form.get("loginId"),
      password: form.get("password"),
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => i.message).join("。"));
      return;
    }
    setProblem(null);
    mutation.mutate(parsed.data);
  }

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <div>
        <p className="text-std-24B-150 text-blue-900">いちまど</p>
        <h1 className="text-std-32B-150">ログイン</h1>
      </div>
      <form onSubmit={submit} noValidate className="flex flex-col gap-5">
        <ErrorAlert message={problem} />
        <TextField
          label="ログインID"
          name="loginId"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          required
        />
        <TextField
          label="パスワード"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className={primaryButton} disabled={mutation.isPending}>
          {mutation.isPending ? "ログイン中…" : "ログイン"}
        </button>
      </form>
    </main>
  );
}
