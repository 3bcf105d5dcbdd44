import { useRef } from "react";
import { Link } from "react-router";
import { focusRing } from "../app/ui.tsx";
import { type SelectedPerson, useSelection } from "./selection.tsx";

const clearButton = `inline-flex min-h-8 items-center rounded-8 border border-blue-900 bg-white px-3 text-dns-16B-120 text-blue-900 hover:bg-blue-50 ${focusRing}`;

/**
 * 選択中の宛名, under the app header on every screen: the 来庁者 and the 申請対象者 chosen in the
 * person view, each removable, and all at once. Removing moves focus to the tray's heading, since
 * the removed button is gone.
 */
export function SelectionTray() {
  const { visitor, subjects, removeVisitor, removeSubject, clear } = useSelection();
  const heading = useRef<HTMLHeadingElement>(null);
  const after = (change: () => void) => () => {
    change();
    heading.current?.focus();
  };
  const empty = !visitor && subjects.length === 0;
  return (
    <section
      aria-labelledby="selection-tray-heading"
      className="border-b border-solid-gray-420 bg-blue-50"
      data-testid="selection-tray"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-2 text-dns-16N-130">
        <h2
          id="selection-tray-heading"
          ref={heading}
          tabIndex={-1}
          className={`text-dns-16B-120 outline-none ${focusRing}`}
        >
          選択中の宛名
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-solid-gray-800">来庁者:</span>
          {visitor ? (
            <Chip
              person={visitor}
              removeLabel={`来庁者 ${visitor.name} を外す`}
              onRemove={after(removeVisitor)}
            />
          ) : (
            <span className="text-solid-gray-700">未選択</span>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-solid-gray-800">対象者: {subjects.length} 名</span>
          {subjects.length > 0 && (
            <ul aria-label="申請対象者" className="flex flex-wrap gap-2">
              {subjects.map((s) => (
                <li key={s.id}>
                  <Chip
                    person={s}
                    removeLabel={`対象者 ${s.name} を外す`}
                    onRemove={after(() => removeSubject(s.id))}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
        {!empty && (
          <button type="button" className={`ml-auto ${clearButton}`} onClick={after(clear)}>
            すべてクリア
          </button>
        )}
      </div>
    </section>
  );
}

function Chip({
  person,
  removeLabel,
  onRemove,
}: {
  person: SelectedPerson;
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-blue-900 bg-white py-0.5 pr-0.5 pl-3">
      <Link
        to={`/persons/${encodeURIComponent(person.id)}`}
        className={`text-blue-900 underline ${focusRing}`}
        title={person.nameKana}
      >
        {person.name}
      </Link>
      <button
        type="button"
        aria-label={removeLabel}
        className={`inline-flex size-8 items-center justify-center rounded-full text-solid-gray-800 hover:bg-solid-gray-50 ${focusRing}`}
        onClick={onRemove}
      >
        <span aria-hidden="true">×</span>
      </button>
    </span>
  );
}
