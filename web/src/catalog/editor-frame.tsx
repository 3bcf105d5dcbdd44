import { type ReactNode, useEffect, useRef } from "react";
import { Link } from "react-router";
import { focusRing } from "../app/ui.tsx";
import { linkClass } from "../cases/section.tsx";

/** An editor's page: the way back to the catalog, and the title, which takes focus on arrival. */
export function EditorFrame({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="flex flex-col gap-6">
      <Link to="/admin/catalog" className={`self-start ${linkClass}`}>
        手続きカタログに戻る
      </Link>
      <h1 ref={heading} tabIndex={-1} className={`self-start text-std-28B-150 outline-none ${focusRing}`}>
        {title}
      </h1>
      <div className="rounded-8 border border-solid-gray-420 bg-white p-6">{children}</div>
    </div>
  );
}
