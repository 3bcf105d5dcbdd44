import { subjectInputSchema } from "@ichimado/core/cases/schemas";
import { type FormEvent, useId, useState } from "react";
import { primaryButton } from "../app/ui.tsx";
import { useAddSubject } from "./api.ts";
import { dateHint, readDate, TextInput } from "./fields.tsx";
import { ErrorSummary, type Issue, issueAt, issuesOf } from "./form-errors.tsx";
import { SectionForm } from "./section.tsx";

const typedSubjectSchema = subjectInputSchema.options[1];
const emptyTyped = { name: "", nameKana: "", birthDate: "", address: "" };

/** Someone the register does not know (yet): typed in. */
export function TypedSubjectForm({
  caseId,
  onAdded,
}: {
  caseId: number;
  onAdded: (message: string) => void;
}) {
  const id = useId();
  const fieldId = (path: string) => `${id}-${path.replace(/^typed\./, "")}`;
  const add = useAddSubject(caseId);
  const [typed, setTyped] = useState(emptyTyped);
  const [local, setLocal] = useState<Issue[]>([]);
  const issues = local.length > 0 ? local : issuesOf(add.error);
  const at = (field: string) => issueAt(issues, `typed.${field}`);
  const set = (key: keyof typeof emptyTyped, value: string) => setTyped((t) => ({ ...t, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const birth = readDate(typed.birthDate);
    if (!birth.ok) {
      setLocal([{ path: "typed.birthDate", message: birth.message }]);
      return;
    }
    // The server's schema is a union (宛名番号 or typed), whose failure names no field: check here.
    const parsed = typedSubjectSchema.safeParse({ typed: { ...typed, birthDate: birth.date } });
    if (!parsed.success) {
      setLocal(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
      return;
    }
    setLocal([]);
    add.mutate(parsed.data, {
      onSuccess: () => {
        onAdded(`${typed.name} を申請対象者に追加しました`);
        setTyped(emptyTyped);
        document.getElementById(fieldId("name"))?.focus();
      },
    });
  };

  return (
    <SectionForm id={id} title="住民記録にない人を入力して追加" onSubmit={submit}>
      <ErrorSummary error={add.error} local={local} fieldId={fieldId} />
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
        <TextInput
          id={fieldId("name")}
          label="対象者の氏名"
          value={typed.name}
          error={at("name")}
          onChange={(e) => set("name", e.currentTarget.value)}
        />
        <TextInput
          id={fieldId("nameKana")}
          label="対象者の氏名カナ"
          value={typed.nameKana}
          error={at("nameKana")}
          onChange={(e) => set("nameKana", e.currentTarget.value)}
        />
        <TextInput
          id={fieldId("birthDate")}
          label="対象者の生年月日"
          hint={dateHint}
          value={typed.birthDate}
          error={at("birthDate")}
          onChange={(e) => set("birthDate", e.currentTarget.value)}
        />
        <TextInput
          id={fieldId("address")}
          label="対象者の住所"
          value={typed.address}
          error={at("address")}
          onChange={(e) => set("address", e.currentTarget.value)}
        />
      </div>
      <div>
        <button type="submit" aria-disabled={add.isPending || undefined} className={primaryButton}>
          入力して追加
        </button>
      </div>
    </SectionForm>
  );
}
