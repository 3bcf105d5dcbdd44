import type { SessionInfo } from "@ichimado/core/auth/schemas";
import { personKindLabels, sexLabels } from "@ichimado/core/registry/codes";
import type { PersonDetail, PersonSummary } from "@ichimado/core/search/schemas";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Link, useLocation, useOutletContext, useParams } from "react-router";
import { errorMessage } from "../app/api.ts";
import {
  ErrorAlert,
  focusRing,
  Loading,
  primaryButton,
  secondaryButton,
  TableHead,
  useTitle,
} from "../app/ui.tsx";
import { useAcknowledgeSupportMeasure, usePersonDetail } from "./api.ts";
import type { SearchLinkState } from "./criteria.ts";
import { ageLabel, formatDate } from "./format.ts";
import { RelatedSection } from "./related.tsx";
import { useSelection } from "./selection.tsx";
import { AddressText, FlagBadges, StatusLabel } from "./views.tsx";

type Detail = PersonDetail;
type Person = Detail["person"];
type Enrollment = Detail["enrollments"][number];

const linkClass = `text-blue-900 underline ${focusRing}`;
const sectionClass = "flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6";

/** 宛名照会: one person, after the 支援措置 warning when there is one. */
export function PersonPage() {
  useTitle("宛名照会");
  const { id = "" } = useParams();
  const session = useOutletContext<SessionInfo>();
  const location = useLocation();
  const linkState = location.state as Partial<SearchLinkState> | null;
  const state: SearchLinkState | undefined = linkState?.searchQuery
    ? { searchQuery: linkState.searchQuery }
    : undefined;
  const detail = usePersonDetail(id);

  const back = (
    <Link to={state ? `/search?${state.searchQuery}` : "/search"} className={`self-start ${linkClass}`}>
      検索結果に戻る
    </Link>
  );

  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    return (
      <div className="flex flex-col gap-4">
        {back}
        <h1 className="text-std-28B-150">宛名照会</h1>
        <ErrorAlert message={errorMessage(detail.error)} />
      </div>
    );
  }
  const measure = detail.data.supportMeasure;
  if (measure && !measure.acknowledged) {
    return (
      <div className="flex flex-col gap-4">
        {back}
        <h1 className="text-std-28B-150">宛名照会</h1>
        <SupportMeasureWarning key={id} personId={id} kindLabel={measure.kindLabel} toDate={measure.toDate} />
      </div>
    );
  }
  return (
    <PersonView
      key={id}
      detail={detail.data}
      back={back}
      linkState={state}
      canEditRelated={session.functions.includes("reception")}
    />
  );
}

/** Blocks the view until staff confirm they have read it; the address stays masked for most roles. */
function SupportMeasureWarning({
  personId,
  kindLabel,
  toDate,
}: {
  personId: string;
  kindLabel: string;
  toDate: string | null;
}) {
  const id = useId();
  const acknowledge = useAcknowledgeSupportMeasure(personId);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      className="flex flex-col gap-4 rounded-8 border-4 border-red-900 bg-red-50 p-6"
    >
      <h2 id={`${id}-title`} className="text-std-24B-150 text-red-1000">
        <span aria-hidden="true">⚠ </span>支援措置対象者
      </h2>
      <div id={`${id}-message`} className="flex flex-col gap-2 text-std-18B-160">
        <p>
          この方は住民基本台帳事務における支援措置の対象です（{kindLabel}
          ）。住所等の取扱いに注意してください。
        </p>
        {toDate && <p className="text-std-16N-170">支援措置の期間: {formatDate(toDate)} まで</p>}
      </div>
      <div>
        <button
          ref={button}
          type="button"
          className={primaryButton}
          disabled={acknowledge.isPending}
          onClick={() => acknowledge.mutate()}
        >
          確認しました
        </button>
      </div>
      {acknowledge.isError && <ErrorAlert message={errorMessage(acknowledge.error)} />}
    </div>
  );
}

function PersonView({
  detail,
  back,
  linkState,
  canEditRelated,
}: {
  detail: Detail;
  back: ReactNode;
  linkState: SearchLinkState | undefined;
  canEditRelated: boolean;
}) {
  const { person, household, enrollments, warnings, supportMeasure, related, history } = detail;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="flex flex-col gap-6">
      {back}
      <header className="flex flex-col gap-2">
        <h1 ref={heading} tabIndex={-1} className={`text-std-28B-150 outline-none ${focusRing}`}>
          {person.name}
        </h1>
        <dl className="flex flex-wrap items-center gap-x-6 gap-y-2 text-dns-16N-130">
          <Pair label="カナ">{person.nameKana}</Pair>
          <Pair label="宛名番号">
            <span className="font-mono">{person.id}</span>
          </Pair>
          <Pair label="区分">{personKindLabels[person.kind]}</Pair>
          <Pair label="状態">
            <StatusLabel status={person.status} />
          </Pair>
        </dl>
        <FlagBadges flags={person.flags} />
        {supportMeasure && !supportMeasure.mayViewAddress && (
          <p className="text-dns-16N-130 text-red-1000">
            支援措置の対象のため、この窓口では住所を表示できません。
          </p>
        )}
        <SelectionButtons person={person} />
      </header>
      {warnings.length > 0 && <Warnings warnings={warnings} />}
      <BasicInfo person={person} />
      <HouseholdSection person={person} household={household} linkState={linkState} />
      <RelatedSection personId={person.id} related={related} canEdit={canEditRelated} linkState={linkState} />
      <Enrollments enrollments={enrollments} personId={person.id} linkState={linkState} />
      <History history={history} />
    </div>
  );
}

const chosenButton =
  "inline-flex min-h-10 items-center justify-center gap-1 rounded-8 border border-green-800 bg-green-50 px-4 text-std-16B-170 text-green-1000 cursor-default " +
  focusRing;

/**
 * 来庁者にする / 対象者に追加: puts this person in the selection the next screens read. A button
 * already done stays focusable (aria-disabled) so that keyboard focus is not lost.
 */
function SelectionButtons({ person }: { person: Person }) {
  const { visitor, subjects, setVisitor, addSubject } = useSelection();
  const isVisitor = visitor?.id === person.id;
  const isSubject = subjects.some((s) => s.id === person.id);
  const [message, setMessage] = useState("");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        aria-disabled={isVisitor || undefined}
        className={isVisitor ? chosenButton : secondaryButton}
        onClick={() => {
          if (isVisitor) return;
          setVisitor(person);
          setMessage(
            visitor ? `来庁者を ${visitor.name} から ${person.name} に変更しました` : "来庁者にしました",
          );
        }}
      >
        {isVisitor ? (
          <>
            <span aria-hidden="true">✓</span>来庁者に設定済み
          </>
        ) : (
          "来庁者にする"
        )}
      </button>
      <button
        type="button"
        aria-disabled={isSubject || undefined}
        className={isSubject ? chosenButton : secondaryButton}
        onClick={() => {
          if (isSubject) return;
          addSubject(person);
          setMessage("申請対象者に追加しました");
        }}
      >
        {isSubject ? (
          <>
            <span aria-hidden="true">✓</span>対象者に追加済み
          </>
        ) : (
          "対象者に追加"
        )}
      </button>
      <p role="status" className="sr-only">
        {message}
      </p>
    </div>
  );
}

function Pair({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-2">
      <dt className="text-solid-gray-700">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const warningClass: Record<Detail["warnings"][number]["kind"], string> = {
  supportMeasure: "border-red-900 bg-red-50 text-red-1000",
  issuanceBan: "border-red-900 bg-red-50 text-red-1000",
  arrears: "border-orange-800 bg-orange-50 text-orange-1100",
  deceased: "border-orange-800 bg-orange-50 text-orange-1100",
  movedOut: "border-orange-800 bg-orange-50 text-orange-1100",
  erased: "border-orange-800 bg-orange-50 text-orange-1100",
  moveOutPending: "border-blue-900 bg-blue-50 text-blue-1000",
  residencePeriod: "border-orange-800 bg-orange-50 text-orange-1100",
};

/** All warnings in one live region, so a screen reader reads them once, together. */
function Warnings({ warnings }: { warnings: Detail["warnings"] }) {
  return (
    <section aria-labelledby="warnings-heading" className="flex flex-col gap-2">
      <h2 id="warnings-heading" className="text-std-20B-150">
        警告
      </h2>
      <div role="alert">
        <ul className="flex flex-col gap-2">
          {warnings.map((w) => (
            <li
              key={`${w.kind}-${w.message}`}
              data-warning={w.kind}
              className={`rounded-8 border-2 px-4 py-2 text-std-16B-170 ${warningClass[w.kind]}`}
            >
              <span aria-hidden="true">⚠ </span>
              {w.message}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-solid-gray-700">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const statusDateLabels: Partial<Record<Person["status"], string>> = {
  movedOut: "転出日",
  deceased: "死亡日",
  erased: "消除日",
};

function birthLine(person: Person): string {
  if (!person.birthDate) return "—";
  const date = formatDate(person.birthDate, person.birthDateWareki);
  if (person.kind === "corporation") return date;
  if (person.status === "deceased" && person.statusDate) {
    return `${date} 死亡時 ${ageLabel(person.birthDate, person.statusDate)}`;
  }
  return `${date} ${ageLabel(person.birthDate)}`;
}

function BasicInfo({ person }: { person: Person }) {
  const corporation = person.kind === "corporation";
  const statusDateLabel = statusDateLabels[person.status];
  return (
    <section aria-labelledby="basic-heading" className={sectionClass}>
      <h2 id="basic-heading" className="text-std-20B-150">
        基本情報
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-dns-16N-130">
        {person.alias && <InfoRow label="通称">{person.alias}</InfoRow>}
        {person.nameAlpha && <InfoRow label="英字氏名">{person.nameAlpha}</InfoRow>}
        {!corporation && <InfoRow label="生年月日">{birthLine(person)}</InfoRow>}
        {!corporation && <InfoRow label="性別">{person.sex ? sexLabels[person.sex] : "—"}</InfoRow>}
        <InfoRow label={corporation ? "所在地" : "住所"}>
          <AddressText address={person.address} />
        </InfoRow>
        {person.relationship && <InfoRow label="続柄">{person.relationship}</InfoRow>}
        {person.residentCode && (
          <InfoRow label="住民票コード">
            <span className="font-mono">{person.residentCode}</span>
          </InfoRow>
        )}
        <InfoRow label={corporation ? "設立日" : "住民となった日"}>
          {formatDate(person.residentSince)}
        </InfoRow>
        {statusDateLabel && person.statusDate && (
          <InfoRow label={statusDateLabel}>{formatDate(person.statusDate)}</InfoRow>
        )}
        {person.nationality && (
          <>
            <InfoRow label="国籍">{person.nationality}</InfoRow>
            <InfoRow label="在留資格">{person.residenceStatus ?? "—"}</InfoRow>
            <InfoRow label="在留期間満了日">{formatDate(person.residencePeriodTo)}</InfoRow>
          </>
        )}
        {!corporation && <InfoRow label="個人番号カード有効期限">{formatDate(person.cardExpiresOn)}</InfoRow>}
        {corporation && (
          <>
            <InfoRow label="法人番号">
              <span className="font-mono">{person.corporateNumber ?? "—"}</span>
            </InfoRow>
            <InfoRow label="代表者">{person.representative ?? "—"}</InfoRow>
          </>
        )}
      </dl>
    </section>
  );
}

function PersonLink({
  target,
  currentId,
  linkState,
}: {
  target: { id: string; name: string };
  currentId: string;
  linkState: SearchLinkState | undefined;
}) {
  if (target.id === currentId) {
    return (
      <span aria-current="page" className="font-bold">
        {target.name}（この方）
      </span>
    );
  }
  return (
    <Link to={`/persons/${encodeURIComponent(target.id)}`} state={linkState} className={linkClass}>
      {target.name}
    </Link>
  );
}

function HouseholdSection({
  person,
  household,
  linkState,
}: {
  person: Person;
  household: Detail["household"];
  linkState: SearchLinkState | undefined;
}) {
  return (
    <section aria-labelledby="household-heading" className={sectionClass}>
      <h2 id="household-heading" className="text-std-20B-150">
        世帯
      </h2>
      {!household ? (
        <p className="text-dns-16N-130">世帯の情報はありません</p>
      ) : (
        <>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-dns-16N-130">
            <InfoRow label="世帯番号">
              <span className="font-mono">{household.id}</span>
            </InfoRow>
            <InfoRow label="世帯主">{household.headName ?? "—"}</InfoRow>
            <InfoRow label="世帯の住所">
              <AddressText address={household.address} />
            </InfoRow>
          </dl>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-dns-16N-130">
              <caption className="sr-only">世帯員</caption>
              <TableHead columns={["氏名", "続柄", "生年月日", "性別", "住所", "状態", "注意事項"]} nowrap />
              <tbody>
                {household.members.map((m) => (
                  <MemberRow key={m.id} member={m} currentId={person.id} linkState={linkState} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function MemberRow({
  member,
  currentId,
  linkState,
}: {
  member: PersonSummary;
  currentId: string;
  linkState: SearchLinkState | undefined;
}) {
  return (
    <tr className="border-b border-solid-gray-420 align-top">
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <PersonLink target={member} currentId={currentId} linkState={linkState} />
        <div className="text-dns-14N-130 text-solid-gray-700">{member.nameKana}</div>
      </th>
      <td className="px-3 py-2">{member.relationship ?? "—"}</td>
      <td className="px-3 py-2">{formatDate(member.birthDate, member.birthDateWareki)}</td>
      <td className="px-3 py-2">{member.sex ? sexLabels[member.sex] : "—"}</td>
      <td className="px-3 py-2">
        <AddressText address={member.address} />
      </td>
      <td className="px-3 py-2">
        <StatusLabel status={member.status} />
      </td>
      <td className="px-3 py-2">
        <FlagBadges flags={member.flags} />
      </td>
    </tr>
  );
}

function groupByProgramme(enrollments: Enrollment[]): [string, Enrollment[]][] {
  const groups = new Map<string, Enrollment[]>();
  for (const e of enrollments) groups.set(e.programmeLabel, [...(groups.get(e.programmeLabel) ?? []), e]);
  return [...groups].map(([label, list]) => [
    label,
    // Active first, then the most recent.
    [...list].sort((a, b) => Number(b.active) - Number(a.active) || b.fromDate.localeCompare(a.fromDate)),
  ]);
}

function Enrollments({
  enrollments,
  personId,
  linkState,
}: {
  enrollments: Enrollment[];
  personId: string;
  linkState: SearchLinkState | undefined;
}) {
  const groups = groupByProgramme(enrollments);
  return (
    <section aria-labelledby="enrollments-heading" className={sectionClass}>
      <h2 id="enrollments-heading" className="text-std-20B-150">
        資格
      </h2>
      {groups.length === 0 && <p className="text-dns-16N-130">この窓口で表示できる資格はありません</p>}
      {groups.map(([label, list]) => (
        <div key={label} className="flex flex-col gap-2">
          <h3 className="text-std-18B-160">{label}</h3>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-dns-16N-130">
              <caption className="sr-only">{label} の資格</caption>
              <TableHead columns={["区分", "状態", "期間", "資格者", "内容"]} nowrap />
              <tbody>
                {list.map((e) => (
                  <tr
                    key={`${e.role}-${e.fromDate}-${e.holder?.id ?? ""}`}
                    className={`border-b border-solid-gray-420 align-top ${e.active ? "" : "text-solid-gray-700"}`}
                  >
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      {e.roleLabel}
                    </th>
                    <td className="px-3 py-2">
                      {e.active ? (
                        <span className="whitespace-nowrap rounded-4 border border-green-800 bg-green-50 px-2 text-dns-14B-130 text-green-1000">
                          有効
                        </span>
                      ) : (
                        <span className="whitespace-nowrap rounded-4 border border-solid-gray-420 px-2 text-dns-14B-130">
                          終了
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {formatDate(e.fromDate)} 〜 {e.toDate ? formatDate(e.toDate) : ""}
                    </td>
                    <td className="px-3 py-2">
                      {e.holder ? (
                        <PersonLink target={e.holder} currentId={personId} linkState={linkState} />
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {e.attributes.length === 0 ? (
                        "—"
                      ) : (
                        <dl className="grid grid-cols-[max-content_1fr] gap-x-3">
                          {e.attributes.map((a) => (
                            <InfoRow key={a.label} label={a.label}>
                              {a.value}
                            </InfoRow>
                          ))}
                        </dl>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}

function History({ history }: { history: Detail["history"] }) {
  return (
    <section aria-labelledby="history-heading" className={sectionClass}>
      <h2 id="history-heading" className="text-std-20B-150">
        異動履歴
      </h2>
      {history.length === 0 ? (
        <p className="text-dns-16N-130">異動履歴はありません</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-dns-16N-130">
            <caption className="sr-only">異動履歴</caption>
            <TableHead columns={["異動日", "異動事由", "異動前の住所", "旧氏名"]} nowrap />
            <tbody>
              {history.map((h, index) => (
                // The history has no id and is never reordered on screen.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed for a given view
                <tr key={index} className="border-b border-solid-gray-420 align-top">
                  <td className="px-3 py-2">{formatDate(h.occurredOn)}</td>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {h.kindLabel}
                  </th>
                  <td className="px-3 py-2">
                    {h.fromAddress.masked || h.fromAddress.text ? (
                      <AddressText address={h.fromAddress} />
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-3 py-2">{h.previousName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
