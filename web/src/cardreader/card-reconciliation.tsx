import {
  type FieldReconciliation,
  type ReconcileField,
  type ReconcileStatus,
  reconcileStatusLabels,
  reconcileWithRegister,
} from "@ichimado/core/cardreader/reconcile";
import type { CardBasicInfo } from "@ichimado/core/cardreader/schemas";
import { type Sex, sexLabels } from "@ichimado/core/registry/codes";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import { useId } from "react";
import { TableHead } from "../app/ui.tsx";
import { StepButton } from "../cases/section.tsx";
import { useCardMatches } from "./api.ts";

/** What linking the visitor to the register person sets in the form. */
export interface RegisterLink {
  personId: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: Sex | "";
  /** Empty unless the card's address really differs: then it is what the visitor states. */
  address: string;
}

const fieldLabels: Record<ReconcileField, string> = {
  name: "氏名",
  address: "住所",
  birthDate: "生年月日",
  sex: "性別",
};

const statusClass: Record<ReconcileStatus, string> = {
  same: "text-solid-gray-800",
  notation: "text-solid-gray-800",
  substitute: "font-bold text-orange-1100",
  different: "font-bold text-error-2",
  unknown: "text-solid-gray-700",
};

const shown = (f: FieldReconciliation, value: string | null) =>
  value === null ? "—" : f.field === "sex" ? sexLabels[value as Sex] : value;

/**
 * The card's 基本4情報 used as a search key in the register, and the differences from the person
 * found: a 代替文字 is said as such, so staff keep the register's spelling instead of "correcting" it.
 */
export function CardReconciliation({
  card,
  onLink,
}: {
  card: CardBasicInfo;
  onLink: (link: RegisterLink) => void;
}) {
  const id = useId();
  const matches = useCardMatches(card);
  const persons = matches.data?.persons ?? [];
  const person: PersonSummary | undefined =
    persons.find((p) => p.birthDate === card.birthDate && p.status === "active") ?? persons[0];
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
      <h3 id={id} className="text-std-16B-170">
        マイナンバーカードと住民記録の照合
      </h3>
      {matches.isPending ? (
        <p role="status">住民記録を検索しています…</p>
      ) : !person ? (
        <p role="status">
          カードの氏名・生年月日に合う住民記録はありません。住民記録にない来庁者として入力してください
        </p>
      ) : (
        <Comparison card={card} person={person} onLink={onLink} />
      )}
    </section>
  );
}

function Comparison({
  card,
  person,
  onLink,
}: {
  card: CardBasicInfo;
  person: PersonSummary;
  onLink: (link: RegisterLink) => void;
}) {
  const fields = reconcileWithRegister(card, {
    name: person.name,
    birthDate: person.birthDate,
    sex: person.sex,
    address: person.address.masked ? null : person.address.text,
  });
  const address = fields.find((f) => f.field === "address");
  const link = () =>
    onLink({
      personId: person.id,
      name: person.name,
      nameKana: person.nameKana,
      birthDate: person.birthDate ?? "",
      sex: person.sex ?? "",
      address: address?.status === "different" ? card.address : "",
    });
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-dns-16N-130">
          <caption className="text-left text-std-16N-170">
            住民記録 {person.name} (宛名番号 {person.id}) との照合
          </caption>
          <TableHead columns={["項目", "カード", "住民記録", "照合結果"]} />
          <tbody>
            {fields.map((f) => (
              <tr key={f.field} className="border-b border-solid-gray-420 align-top">
                <th scope="row" className="px-3 py-2 text-left">
                  {fieldLabels[f.field]}
                </th>
                <td className="px-3 py-2">{shown(f, f.card)}</td>
                <td className="px-3 py-2">
                  {f.field === "address" && person.address.masked ? "(表示できません)" : shown(f, f.register)}
                </td>
                <td className={`px-3 py-2 ${statusClass[f.status]}`}>{reconcileStatusLabels[f.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {fields.some((f) => f.status === "substitute") && (
        <p className="text-std-16N-170">
          代替文字の可能性: カードのICには
          JIS第1・第2水準にない文字が別の文字で記録されています。住民記録の文字を使ってください
        </p>
      )}
      <div>
        <StepButton pending={false} variant="secondary" onClick={link}>
          住民記録 (宛名番号 {person.id}) と紐付ける
        </StepButton>
      </div>
    </>
  );
}
