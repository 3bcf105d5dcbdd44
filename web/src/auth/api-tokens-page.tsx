import {
  type ApiTokenCreate,
  type ApiTokenSummary,
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenListSchema,
} from "@ichimado/core/auth/api-tokens";
import { type ApiScope, apiScopeLabels, apiScopes } from "@ichimado/core/auth/permissions";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { z } from "zod";
import { apiRequest, errorMessage, fieldErrors } from "../app/api.ts";
import {
  ConfirmChoice,
  ErrorAlert,
  Loading,
  primaryButton,
  secondaryButton,
  TableHead,
  useTitle,
} from "../app/ui.tsx";
import { Checkbox, FieldError, TextInput } from "../cases/fields.tsx";
import { SavedMessage } from "../cases/section.tsx";
import { EditorFrame } from "../catalog/editor-frame.tsx";
import { formatDateTime } from "../registry/status.ts";

const tokensKey = ["admin-api-tokens"] as const;

/**
 * `/admin/api-tokens` (staffAdmin): the tokens robots and other systems use (P50). A new token is
 * shown once, here, right after it is issued; the server keeps only its hash.
 */
export function ApiTokensPage() {
  useTitle("APIトークン");
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: () => apiRequest("GET", "/admin/api-tokens", apiTokenListSchema),
  });
  return (
    <EditorFrame title="APIトークン" back={{ to: "/", label: "ホームに戻る" }} boxed={false}>
      <p>
        RPAのロボットなど、他のシステムがいちまどを使うためのトークンです。発行と失効は監査証跡に残ります。
      </p>
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorAlert message={errorMessage(tokens.error)} />
      ) : (
        <TokenTable tokens={tokens.data.tokens} />
      )}
      <NewToken />
    </EditorFrame>
  );
}

function TokenTable({ tokens }: { tokens: ApiTokenSummary[] }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (name: string) => apiRequest("DELETE", `/admin/api-tokens/${name}`, z.null()),
    onSuccess: (_, name) => {
      setConfirming(null);
      setRevoked(name);
      return queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });
  if (tokens.length === 0) return <p>発行したトークンはありません。</p>;
  return (
    <div className="flex flex-col gap-2">
      {revoke.isError && <ErrorAlert message={errorMessage(revoke.error)} />}
      <SavedMessage message={revoked ? `トークン「${revoked}」を失効させました` : ""} />
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
          <caption className="sr-only">APIトークンの一覧</caption>
          <TableHead columns={["名前", "用途", "発行", "最終利用", "状態", "操作"]} nowrap />
          <tbody>
            {tokens.map((t) => (
              <tr key={t.name} className="border-b border-solid-gray-420 align-top">
                <th scope="row" className="px-3 py-2 font-normal">
                  {t.name}
                </th>
                <td className="px-3 py-2">{t.scopes.map((s) => apiScopeLabels[s]).join("、")}</td>
                <td className="px-3 py-2">
                  {formatDateTime(t.createdAt)}
                  <span className="block text-dns-14N-130">{t.createdBy ?? "コマンドで発行"}</span>
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "未使用"}
                </td>
                <td className="px-3 py-2">
                  {t.revokedAt ? `失効（${formatDateTime(t.revokedAt)}）` : "有効"}
                </td>
                <td className="px-3 py-2">
                  {t.revokedAt ? null : confirming === t.name ? (
                    <ConfirmChoice
                      message={`「${t.name}」を失効させると、このトークンを使うロボットはすぐに止まります。`}
                      action="失効させる"
                      pending={revoke.isPending}
                      onConfirm={() => revoke.mutate(t.name)}
                      onCancel={() => setConfirming(null)}
                    />
                  ) : (
                    <button
                      type="button"
                      className={secondaryButton}
                      aria-label={`${t.name} を失効させる`}
                      onClick={() => setConfirming(t.name)}
                    >
                      失効させる…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function NewToken() {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>(["rpa"]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const issue = useMutation({
    mutationFn: (body: ApiTokenCreate) =>
      apiRequest("POST", "/admin/api-tokens", apiTokenCreatedSchema, body),
    onSuccess: () => {
      setName("");
      return queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (error) => setProblems(fieldErrors(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.reset();
    // The server's own schema, so the administrator sees the same message before sending as after.
    const parsed = apiTokenCreateSchema.safeParse({ name, scopes });
    const found: Record<string, string> = {};
    for (const i of parsed.error?.issues ?? []) found[String(i.path[0])] ??= i.message;
    setProblems(found);
    if (parsed.success) issue.mutate(parsed.data);
  };
  return (
    <section
      aria-labelledby="new-token-heading"
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2 id="new-token-heading" className="text-std-20B-150">
        トークンの発行
      </h2>
      {issue.data ? (
        <IssuedToken name={issue.data.name} token={issue.data.token} onDone={() => issue.reset()} />
      ) : (
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <TextInput
            id="new-token-name"
            label="名前"
            hint="監査証跡に api:名前 として残ります。半角英小文字・数字・ハイフン（例: robot-1）"
            value={name}
            error={problems.name}
            onChange={(e) => setName(e.target.value)}
          />
          <fieldset className="flex flex-col gap-1" aria-describedby="new-token-scopes-error">
            <legend className="text-std-16B-170 text-solid-gray-800">用途</legend>
            {apiScopes.map((s) => (
              <Checkbox
                key={s}
                id={`new-token-scope-${s}`}
                label={apiScopeLabels[s]}
                checked={scopes.includes(s)}
                onChange={(on) => setScopes((now) => (on ? [...now, s] : now.filter((x) => x !== s)))}
              />
            ))}
            <FieldError id="new-token-scopes-error" message={problems.scopes} />
          </fieldset>
          {/* A refusal about a field is said at the field; another (a name already used) here. */}
          {issue.isError && Object.keys(problems).length === 0 && (
            <ErrorAlert message={errorMessage(issue.error)} />
          )}
          <button type="submit" className={`self-start ${primaryButton}`} disabled={issue.isPending}>
            発行する
          </button>
        </form>
      )}
    </section>
  );
}

/** The only sight of the token: it takes focus, so a screen reader announces it at once. */
function IssuedToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="flex flex-col gap-3">
      <h3 ref={heading} tabIndex={-1} className="text-std-18B-160 outline-none">
        トークン「{name}」を発行しました
      </h3>
      <p className="font-bold text-error-2">
        トークンはこの一度だけ表示します。ロボットの設定に控えてから閉じてください（いちまどには残りません）。
      </p>
      <label htmlFor="issued-token" className="text-std-16B-170">
        トークン
      </label>
      <input
        id="issued-token"
        readOnly
        value={token}
        onFocus={(e) => e.currentTarget.select()}
        className="min-h-12 rounded-8 border border-solid-gray-600 bg-solid-gray-50 px-4 font-mono text-dns-16N-130"
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={secondaryButton}
          onClick={() =>
            navigator.clipboard.writeText(token).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          コピー
        </button>
        <button type="button" className={secondaryButton} onClick={onDone}>
          控えたので閉じる
        </button>
      </div>
      <SavedMessage message={copied ? "クリップボードにコピーしました" : ""} />
    </div>
  );
}
