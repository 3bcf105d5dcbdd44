import { type ReactNode, useEffect, useRef } from "react";
import { Link } from "react-router";
import { focusRing } from "../app/ui.tsx";
import { linkClass } from "../cases/section.tsx";

/**
 * An administration page: the way back (to the catalog unless said), and the title, which takes
 * focus on arrival; an editor's form sits in one box, a screen of several parts in none.
 */
export function EditorFrame({
  title,
  children,
  back = { to: "/admin/catalog", label: "手続きカタログに戻る" },
  boxed = true,
}: {
  title: string;
  children: ReactNode;
  back?: { to: string; label: string };
  boxed?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="flex flex-col gap-6">
      <Link to={back.to} className={`self-start ${linkClass}`}>
        {back.label}
      </Link>
      <h1 ref={heading} tabIndex={-1} className={`self-start text-std-28B-150 outline-none ${focusRing}`}>
        {title}
      </h1>
      {boxed ? (
        <div className="rounded-8 border border-solid-gray-420 bg-white p-6">{children}</div>
      ) : (
        children
      )}
    </div>
  );
}
