import type { CounterSummary } from "@ichimado/core/auth/schemas";
import {
  type AdminNotice,
  type NoticeImportance,
  noticeBodyMax,
  noticeImportanceLabels,
  noticeImportances,
  noticeInputSchema,
  noticeTitleMax,
} from "@ichimado/core/notices/notices";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { focusRing, primaryButton, secondaryButton } from "../app/ui.tsx";
import { Checkbox, dateHint, FieldError, readDate, TextArea, TextInput, todayIso } from "../cases/fields.tsx";
import { ErrorSummary, type Issue, issueAt, issuesOf } from "../cases/form-errors.tsx";
import { useSaveNotice } from "./api.ts";

interface Draft {
  title: string;
  body: string;
  importance: NoticeImportance;
  audience: "all" | "counters";
  counterIds: string[];
  shownFrom: string;
  shownTo: string;
}

const draftOf = (notice: AdminNotice | null): Draft =>
  notice
    ? {
        title: notice.title,
        body: notice.body,
        importance: notice.importance,
        audience: notice.audience.kind,
        counterIds: notice.audience.kind === "counters" ? notice.audience.counterIds : [],
        shownFrom: notice.shownFrom,
        shownTo: notice.shownTo ?? "",
      }
    : {
        title: "",
        body: "",
        importance: "normal",
        audience: "all",
        counterIds: [],
        shownFrom: todayIso(),
        shownTo: "",
      };

/** Field ids by the input's path, so the error summary takes focus to the field that needs fixing. */
const fieldIds: Record<string, string> = {
  title: "notice-title",
  body: "notice-body",
  importance: "notice-importance-normal",
  audience: "notice-audience-all",
  "audience.counterIds": "notice-counters",
  shownFrom: "notice-shown-from",
  shownTo: "notice-shown-to",
};
const fieldId = (path: string) => fieldIds[path] ?? "notice-title";

/**
 * A notice written or edited (P48). The dates are typed as staff type them elsewhere (西暦 or 和暦);
 * the rest is checked with the server's own schema before sending, so the messages are the same.
 */
export function NoticeForm({
  notice,
  counters,
  onDone,
}: {
  /** null: a new notice */
  notice: AdminNotice | null;
  counters: CounterSummary[];
  onDone: (message: string) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(notice));
  const [local, setLocal] = useState<Issue[]>([]);
  const save = useSaveNotice();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (notice) heading.current?.focus();
  }, [notice]);

  const issues = local.length > 0 ? local : issuesOf(save.error);
  const at = (path: string) => issueAt(issues, path);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const found: Issue[] = [];
    const dateOf = (path: "shownFrom" | "shownTo") => {
      const read = readDate(draft[path]);
      if (read.ok) return read.date;
      found.push({ path, message: read.message });
      return null;
    };
    const shownFrom = dateOf("shownFrom");
    const shownTo = dateOf("shownTo");
    const parsed = noticeInputSchema.safeParse({
      title: draft.title,
      body: draft.body,
      importance: draft.importance,
      audience:
        draft.audience === "all" ? { kind: "all" } : { kind: "counters", counterIds: draft.counterIds },
      // an empty start is "not entered", which the schema words as such
      shownFrom: shownFrom ?? "",
      shownTo,
    });
    for (const i of parsed.error?.issues ?? []) {
      const path = i.path.join(".");
      if (!found.some((f) => f.path === path)) found.push({ path, message: i.message });
    }
    setLocal(found);
    if (found.length > 0 || !parsed.success) return;
    save.mutate(
      { id: notice?.id ?? null, input: parsed.data },
      {
        onSuccess: () => {
          onDone(
            notice ? `「${parsed.data.title}」を保存しました` : `「${parsed.data.title}」を掲載しました`,
          );
          if (!notice) setDraft(draftOf(null));
        },
      },
    );
  };

  return (
    <section
      aria-labelledby="notice-form-heading"
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2
        id="notice-form-heading"
        ref={heading}
        tabIndex={-1}
        className={`self-start text-std-20B-150 outline-none ${focusRing}`}
      >
        {notice ? `伝達事項の編集: ${notice.title}` : "新しい伝達事項"}
      </h2>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <ErrorSummary error={save.error} local={local} fieldId={fieldId} />
        <TextInput
          id="notice-title"
          label="件名"
          hint={`${noticeTitleMax}文字以内`}
          value={draft.title}
          error={at("title")}
          onChange={(e) => set("title", e.target.value)}
        />
        <TextArea
          id="notice-body"
          label="本文"
          hint={`${noticeBodyMax}文字以内。改行はそのまま表示されます`}
          rows={6}
          value={draft.body}
          error={at("body")}
          onChange={(e) => set("body", e.target.value)}
        />
        <fieldset className="flex flex-col gap-1">
          <legend className="text-std-16B-170 text-solid-gray-800">重要度</legend>
          <div className="flex flex-wrap gap-6">
            {noticeImportances.map((value) => (
              <div key={value} className="flex min-h-10 items-center gap-2">
                <input
                  id={`notice-importance-${value}`}
                  type="radio"
                  name="notice-importance"
                  checked={draft.importance === value}
                  onChange={() => set("importance", value)}
                  className={`size-6 ${focusRing}`}
                />
                <label htmlFor={`notice-importance-${value}`} className="text-std-16N-170">
                  {noticeImportanceLabels[value]}
                  {value === "important" && "（一覧の先頭に表示）"}
                </label>
              </div>
            ))}
          </div>
          <FieldError message={at("importance")} />
        </fieldset>
        <fieldset className="flex flex-col gap-1" aria-describedby="notice-counters-error">
          <legend className="text-std-16B-170 text-solid-gray-800">対象</legend>
          {(["all", "counters"] as const).map((value) => (
            <div key={value} className="flex min-h-10 items-center gap-2">
              <input
                id={`notice-audience-${value}`}
                type="radio"
                name="notice-audience"
                checked={draft.audience === value}
                onChange={() => set("audience", value)}
                className={`size-6 ${focusRing}`}
              />
              <label htmlFor={`notice-audience-${value}`} className="text-std-16N-170">
                {value === "all" ? "全職員" : "選んだ窓口の職員"}
              </label>
            </div>
          ))}
          {draft.audience === "counters" && (
            <fieldset className="ml-8 flex flex-col gap-1">
              <legend className="text-dns-16N-130 text-solid-gray-800">窓口</legend>
              {counters.map((c) => (
                <Checkbox
                  key={c.id}
                  id={`notice-counters-${c.id}`}
                  label={c.name}
                  checked={draft.counterIds.includes(c.id)}
                  onChange={(on) =>
                    set(
                      "counterIds",
                      on ? [...draft.counterIds, c.id] : draft.counterIds.filter((id) => id !== c.id),
                    )
                  }
                />
              ))}
            </fieldset>
          )}
          <FieldError id="notice-counters-error" message={at("audience.counterIds") ?? at("audience")} />
        </fieldset>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextInput
            id="notice-shown-from"
            label="掲示開始日"
            hint={dateHint}
            value={draft.shownFrom}
            error={at("shownFrom")}
            onChange={(e) => set("shownFrom", e.target.value)}
          />
          <TextInput
            id="notice-shown-to"
            label="掲示終了日"
            hint="空欄のときは取り下げるまで表示します"
            value={draft.shownTo}
            error={at("shownTo")}
            onChange={(e) => set("shownTo", e.target.value)}
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={primaryButton} disabled={save.isPending}>
            {notice ? "保存する" : "掲載する"}
          </button>
          {notice && (
            <button type="button" className={secondaryButton} onClick={() => onDone("")}>
              編集をやめる
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
