import {
  type AuthorityDocument,
  authorityDocumentLabels,
  authorityDocuments,
  type CaseDetail,
  type VisitorRelation,
  visitorRelationLabels,
  visitorRelations,
} from "@ichimado/core/cases/schemas";
import { sexLabels } from "@ichimado/core/registry/codes";
import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import { primaryButton } from "../app/ui.tsx";
import { CardReading } from "../cardreader/card-reading.tsx";
import { useSelection } from "../search/selection.tsx";
import { useSetVisitor, type VisitorRequest } from "./api.ts";
import { dateHint, readDate, SelectInput, TextInput } from "./fields.tsx";
import { ErrorSummary, type Issue, issueAt, issuesOf } from "./form-errors.tsx";
import { linkClass, SavedMessage, StepButton } from "./section.tsx";

type Visitor = NonNullable<CaseDetail["visitor"]>;

interface Draft {
  personId: string | null;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: "" | "male" | "female";
  address: string;
  phone: string;
  relation: VisitorRelation;
  relationDetail: string;
  authorityDocument: AuthorityDocument | "";
}

function draftOf(visitor: Visitor | null): Draft {
  const v = visitor?.input;
  return {
    personId: v?.personId ?? null,
    name: v?.name ?? "",
    nameKana: v?.nameKana ?? "",
    birthDate: v?.birthDate ?? "",
    sex: v?.sex ?? "",
    address: v?.address ?? "",
    phone: v?.phone ?? "",
    relation: v?.relation ?? "self",
    relationDetail: v?.relationDetail ?? "",
    authorityDocument: v?.authorityDocument ?? "",
  };
}

/**
 * The visitor's details and standing. Taking the 選択中の来庁者 links them to the register; what is
 * then typed differently becomes a correction on the server.
 */
export function VisitorForm({ caseId, visitor }: { caseId: number; visitor: Visitor | null }) {
  const id = useId();
  const fieldId = (path: string) => `${id}-${path}`;
  const save = useSetVisitor(caseId);
  const { visitor: picked } = useSelection();
  const [draft, setDraft] = useState(() => draftOf(visitor));
  const [local, setLocal] = useState<Issue[]>([]);
  const [message, setMessage] = useState("");
  const issues = local.length > 0 ? local : issuesOf(save.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const takePicked = () => {
    if (!picked) return;
    setDraft((d) => ({
      ...d,
      personId: picked.id,
      name: picked.name,
      nameKana: picked.nameKana,
      birthDate: picked.birthDate ?? "",
    }));
    setMessage(`選択中の来庁者 ${picked.name} を入力しました。関係を確かめて保存してください`);
    document.getElementById(fieldId("relation"))?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setMessage("");
    const birth = readDate(draft.birthDate);
    if (!birth.ok) {
      setLocal([{ path: "birthDate", message: birth.message }]);
      return;
    }
    setLocal([]);
    const body: VisitorRequest = {
      personId: draft.personId,
      name: draft.name,
      nameKana: draft.nameKana,
      birthDate: birth.date,
      sex: draft.sex || null,
      address: draft.address,
      phone: draft.phone,
      relation: draft.relation,
      relationDetail: draft.relation === "self" ? "" : draft.relationDetail,
      authorityDocument: draft.relation === "self" ? null : draft.authorityDocument || null,
    };
    save.mutate(body, { onSuccess: () => setMessage("来庁者を保存しました") });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="来庁者の入力" className="flex flex-col gap-4">
      <ErrorSummary error={save.error} local={local} fieldId={fieldId} />
      <div className="flex flex-wrap items-center gap-3">
        {picked && picked.id !== draft.personId && (
          <StepButton pending={false} variant="secondary" onClick={takePicked}>
            選択中の来庁者 {picked.name} を使う
          </StepButton>
        )}
        <CardReading
          onFill={(fill) => {
            setDraft((d) => ({ ...d, ...fill, personId: null, nameKana: "" }));
            setMessage("カードの内容を入力しました。券面と見比べ、違いがあれば直してください");
          }}
          onLink={(link) => {
            setDraft((d) => ({ ...d, ...link }));
            setMessage(`住民記録 ${link.name} と紐付けました。関係を確かめて保存してください`);
            document.getElementById(fieldId("relation"))?.focus();
          }}
        />
        {draft.personId ? (
          <>
            <span className="text-dns-16N-130">
              住民記録:{" "}
              <Link to={`/persons/${encodeURIComponent(draft.personId)}`} className={linkClass}>
                宛名番号 {draft.personId}
              </Link>
            </span>
            <StepButton pending={false} variant="secondary" onClick={() => set("personId", null)}>
              住民記録との紐付けを外す
            </StepButton>
          </>
        ) : (
          <span className="text-dns-16N-130 text-solid-gray-700">
            住民記録にない来庁者は、氏名などを入力してください
          </span>
        )}
      </div>
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
        <SelectInput
          id={fieldId("relation")}
          label="申請対象者との関係"
          value={draft.relation}
          error={issueAt(issues, "relation")}
          onChange={(e) => set("relation", e.currentTarget.value as VisitorRelation)}
        >
          {visitorRelations.map((r) => (
            <option key={r} value={r}>
              {visitorRelationLabels[r]}
            </option>
          ))}
        </SelectInput>
        {draft.relation !== "self" && (
          <>
            <TextInput
              id={fieldId("relationDetail")}
              label="関係の詳細"
              hint="例: 長男、司法書士"
              value={draft.relationDetail}
              error={issueAt(issues, "relationDetail")}
              onChange={(e) => set("relationDetail", e.currentTarget.value)}
            />
            <SelectInput
              id={fieldId("authorityDocument")}
              label="権限を確認した書類"
              value={draft.authorityDocument}
              error={issueAt(issues, "authorityDocument")}
              onChange={(e) => set("authorityDocument", e.currentTarget.value as AuthorityDocument | "")}
            >
              <option value="">なし</option>
              {authorityDocuments.map((d) => (
                <option key={d} value={d}>
                  {authorityDocumentLabels[d]}
                </option>
              ))}
            </SelectInput>
          </>
        )}
        <TextInput
          id={fieldId("name")}
          label="氏名"
          value={draft.name}
          error={issueAt(issues, "name")}
          onChange={(e) => set("name", e.currentTarget.value)}
        />
        <TextInput
          id={fieldId("nameKana")}
          label="氏名カナ"
          value={draft.nameKana}
          error={issueAt(issues, "nameKana")}
          onChange={(e) => set("nameKana", e.currentTarget.value)}
        />
        <TextInput
          id={fieldId("birthDate")}
          label="生年月日"
          hint={dateHint}
          value={draft.birthDate}
          error={issueAt(issues, "birthDate")}
          onChange={(e) => set("birthDate", e.currentTarget.value)}
        />
        <SelectInput
          id={fieldId("sex")}
          label="性別"
          value={draft.sex}
          error={issueAt(issues, "sex")}
          onChange={(e) => set("sex", e.currentTarget.value as Draft["sex"])}
        >
          <option value="">未入力</option>
          <option value="male">{sexLabels.male}</option>
          <option value="female">{sexLabels.female}</option>
        </SelectInput>
        <TextInput
          id={fieldId("address")}
          label="住所"
          hint={draft.personId ? "住民記録と異なると申し出があった場合に入力" : undefined}
          value={draft.address}
          error={issueAt(issues, "address")}
          onChange={(e) => set("address", e.currentTarget.value)}
        />
        <TextInput
          id={fieldId("phone")}
          label="電話番号"
          inputMode="tel"
          value={draft.phone}
          error={issueAt(issues, "phone")}
          onChange={(e) => set("phone", e.currentTarget.value)}
        />
      </div>
      <div>
        <button type="submit" aria-disabled={save.isPending || undefined} className={primaryButton}>
          来庁者を保存
        </button>
      </div>
      <SavedMessage message={message} />
    </form>
  );
}
