import { type FunctionPermission, functionPermissionLabels } from "@ichimado/core/auth/permissions";
import type { SessionInfo } from "@ichimado/core/auth/schemas";
import { Link } from "react-router";
import { focusRing, useTitle } from "./ui.tsx";

/** Stands where a later screen goes; says so, and whether this counter may use it at all. */
export function Placeholder({ session, fn }: { session: SessionInfo; fn: FunctionPermission }) {
  const title = functionPermissionLabels[fn];
  useTitle(title);
  const allowed = session.functions.includes(fn);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-std-28B-150">{title}</h1>
      <p className="text-std-16N-170">{allowed ? "準備中" : "この機能は現在の窓口では利用できません。"}</p>
      <Link to="/" className={`text-blue-900 underline ${focusRing}`}>
        ホームへ戻る
      </Link>
    </div>
  );
}
