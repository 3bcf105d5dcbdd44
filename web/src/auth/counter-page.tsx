import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, secondaryButton, useTitle } from "../app/ui.tsx";
import { useChooseCounter, useSession } from "./session.ts";

/** Where the staff member acts today; the roles (and so the menu) depend on it. */
export function CounterPage() {
  useTitle("窓口の選択");
  const session = useSession().data;
  const choose = useChooseCounter();
  const navigate = useNavigate();
  const autoChosen = useRef(false);
  const counters = session?.counters ?? [];
  const only = counters.length === 1 && !session?.counter ? counters[0] : undefined;

  useEffect(() => {
    if (only && !autoChosen.current) {
      autoChosen.current = true;
      choose.mutate(only.id, { onSuccess: () => navigate("/", { replace: true }) });
    }
  }, [only, choose, navigate]);

  if (!session) return <Loading />;
  if (only && !choose.isError) return <Loading />;

  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-6 p-6">
      <div>
        <p className="text-std-24B-150 text-blue-900">いちまど</p>
        <h1 className="text-std-32B-150">窓口の選択</h1>
        <p className="text-std-16N-170">{session.staff.name} さん、本日対応する窓口を選んでください。</p>
      </div>
      <ErrorAlert message={choose.isError ? errorMessage(choose.error) : null} />
      {counters.length === 0 ? (
        <p className="text-std-16N-170">担当できる窓口がありません。管理者に連絡してください。</p>
      ) : (
        <ul aria-label="担当できる窓口" className="flex flex-col gap-3">
          {counters.map((c, i) => (
            <li key={c.id}>
              <button
                type="button"
                className={`${secondaryButton} w-full justify-between`}
                // biome-ignore lint/a11y/noAutofocus: the first choice is where the keyboard starts
                autoFocus={i === 0}
                disabled={choose.isPending}
                aria-current={session.counter?.id === c.id ? "true" : undefined}
                onClick={() => choose.mutate(c.id, { onSuccess: () => navigate("/", { replace: true }) })}
              >
                <span>{c.name}</span>
                {c.place && <span className="text-dns-14N-130 text-solid-gray-700">{c.place}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
