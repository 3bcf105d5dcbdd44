import { eras, formatWareki } from "@ichimado/core/common/wareki";
import { personKindLabels, sexLabels } from "@ichimado/core/registry/codes";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import {
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { errorMessage, fieldErrors } from "../app/api.ts";
import {
  ErrorAlert,
  focusRing,
  primaryButton,
  secondaryButton,
  TableHead,
  TextField,
  useTitle,
} from "../app/ui.tsx";
import { usePersonSearch } from "./api.ts";
import {
  type CriteriaField,
  criteriaFromParams,
  criteriaToParams,
  type EraKey,
  emptyCriteria,
  hasCriteria,
  type KindFilter,
  type SearchCriteria,
  type SearchLinkState,
  validateCriteria,
} from "./criteria.ts";
import { formatSeireki } from "./format.ts";
import { AddressText, FlagBadges, matchedByLabel, StatusLabel } from "./views.tsx";

const selectClass = `min-h-12 rounded-8 border border-solid-gray-600 bg-white px-4 text-std-16N-170 ${focusRing}`;

const kindOptions: { value: KindFilter; label: string }[] = [
  { value: "all", label: "すべて" },
  { value: "resident", label: personKindLabels.resident },
  { value: "nonResident", label: personKindLabels.nonResident },
  { value: "corporation", label: personKindLabels.corporation },
];

const fieldOrder: CriteriaField[] = ["name", "birthDate", "address", "code", "qualification"];

/** 宛名検索 (search): one keyboard-first form; the criteria live in the URL, the results below. */
export function SearchPage() {
  useTitle("宛名検索・照会");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const criteria = criteriaFromParams(params);
  const query = criteriaToParams(criteria).toString();
  const urlErrors = validateCriteria(criteria);
  const ready = hasCriteria(params) && Object.keys(urlErrors).length === 0;
  const search = usePersonSearch(query, ready);

  const [form, setForm] = useState<SearchCriteria>(criteria);
  const [errors, setErrors] = useState(hasCriteria(params) ? urlErrors : {});
  // Back/forward (or a link) changed the URL: the form shows that search again.
  const [shownQuery, setShownQuery] = useState(query);
  if (shownQuery !== query) {
    setShownQuery(query);
    setForm(criteria);
    setErrors(hasCriteria(params) ? urlErrors : {});
  }

  const refs: Record<CriteriaField, RefObject<HTMLInputElement | null>> = {
    name: useRef<HTMLInputElement>(null),
    birthDate: useRef<HTMLInputElement>(null),
    address: useRef<HTMLInputElement>(null),
    code: useRef<HTMLInputElement>(null),
    qualification: useRef<HTMLInputElement>(null),
  };
  const nameRef = refs.name;
  useEffect(() => {
    nameRef.current?.focus();
  }, [nameRef]);

  const serverErrors = search.isError ? fieldErrors(search.error) : {};
  const shownErrors: Partial<Record<CriteriaField, string>> = { ...errors, ...serverErrors };

  const set = <K extends keyof SearchCriteria>(key: K, value: SearchCriteria[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCriteria(form);
    setErrors(found);
    const first = fieldOrder.find((f) => found[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    const next = criteriaToParams(form).toString();
    if (next === query) search.refetch();
    else navigate({ pathname: "/search", search: `?${next}` });
  };

  const clear = () => {
    setForm(emptyCriteria);
    setErrors({});
    navigate("/search");
    nameRef.current?.focus();
  };

  const id = useId();
  const birthHint = `${id}-birth-hint`;
  const birthError = `${id}-birth-error`;
  const serverMessage =
    search.isError && Object.keys(serverErrors).length === 0 ? errorMessage(search.error) : null;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-std-28B-150">宛名検索・照会</h1>
      <form
        onSubmit={submit}
        noValidate
        aria-label="宛名検索"
        className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            ref={refs.name}
            label="氏名・カナ"
            hint="カナ・ひらがな・漢字・英字 いずれも可"
            name="name"
            autoComplete="off"
            value={form.name}
            error={shownErrors.name}
            onChange={(e) => set("name", e.currentTarget.value)}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-birth`} className="text-std-16B-170 text-solid-gray-800">
              生年月日
            </label>
            <p id={birthHint} className="text-dns-14N-130 text-solid-gray-700">
              例: 1975-03-01、S50.3.1、昭和50年3月1日。6桁 (500301) は元号を選んで入力
            </p>
            <div className="flex gap-2">
              <input
                ref={refs.birthDate}
                id={`${id}-birth`}
                name="birthDate"
                autoComplete="off"
                value={form.birthDate}
                onChange={(e) => set("birthDate", e.currentTarget.value)}
                aria-invalid={shownErrors.birthDate ? true : undefined}
                aria-describedby={`${birthHint}${shownErrors.birthDate ? ` ${birthError}` : ""}`}
                className={`min-h-12 min-w-0 flex-1 rounded-8 border bg-white px-4 text-std-16N-170 ${shownErrors.birthDate ? "border-error-1" : "border-solid-gray-600"} ${focusRing}`}
              />
              <label htmlFor={`${id}-era`} className="sr-only">
                元号
              </label>
              <select
                id={`${id}-era`}
                name="era"
                value={form.era}
                onChange={(e) => set("era", e.currentTarget.value as EraKey | "")}
                className={selectClass}
              >
                <option value="">元号 未選択</option>
                {eras.map((era) => (
                  <option key={era.key} value={era.key}>
                    {era.name}
                  </option>
                ))}
              </select>
            </div>
            {shownErrors.birthDate && (
              <p id={birthError} className="text-dns-16N-130 text-error-2">
                {shownErrors.birthDate}
              </p>
            )}
          </div>
          <TextField
            ref={refs.address}
            label="住所"
            name="address"
            autoComplete="off"
            value={form.address}
            error={shownErrors.address}
            onChange={(e) => set("address", e.currentTarget.value)}
          />
          <TextField
            ref={refs.code}
            label="番号"
            hint="宛名番号 (10桁)・住民票コード (11桁)・法人番号 (13桁)"
            name="code"
            inputMode="numeric"
            autoComplete="off"
            value={form.code}
            error={shownErrors.code}
            onChange={(e) => set("code", e.currentTarget.value)}
          />
          <TextField
            ref={refs.qualification}
            label="資格の番号"
            hint="被保険者番号・受給者番号・基礎年金番号など (この窓口で参照できる資格のみ)"
            name="qualification"
            autoComplete="off"
            value={form.qualification}
            error={shownErrors.qualification}
            onChange={(e) => set("qualification", e.currentTarget.value)}
          />
        </div>
        <div className="flex flex-wrap items-end gap-6">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-kind`} className="text-std-16B-170 text-solid-gray-800">
              区分
            </label>
            <select
              id={`${id}-kind`}
              name="kind"
              value={form.kind}
              onChange={(e) => set("kind", e.currentTarget.value as KindFilter)}
              className={selectClass}
            >
              {kindOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex min-h-12 items-center gap-2">
            <input
              id={`${id}-inactive`}
              type="checkbox"
              checked={form.includeInactive}
              onChange={(e) => set("includeInactive", e.currentTarget.checked)}
              className={`size-6 ${focusRing}`}
            />
            <label htmlFor={`${id}-inactive`} className="text-std-16B-170">
              転出・死亡者を含む
            </label>
          </div>
          <div className="ml-auto flex gap-2">
            <button type="button" className={secondaryButton} onClick={clear}>
              条件をクリア
            </button>
            {/* Never disabled: a disabled default button swallows Enter (implicit submission), so a
                clerk's new search typed while the last one refreshes would be lost. */}
            <button type="submit" className={primaryButton}>
              検索
            </button>
          </div>
        </div>
      </form>
      <ErrorAlert message={serverMessage} />
      {ready && <SearchResults search={search} query={query} />}
    </div>
  );
}

function SearchResults({ search, query }: { search: ReturnType<typeof usePersonSearch>; query: string }) {
  const data = search.isError ? undefined : search.data;
  const status =
    search.isPending || (search.isFetching && !data)
      ? "検索しています…"
      : data
        ? `${data.persons.length} 件`
        : "";
  return (
    <section aria-labelledby="results-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-4">
        <h2 id="results-heading" className="text-std-20B-150">
          検索結果
        </h2>
        <p role="status" data-testid="result-count" className="text-std-16B-170">
          {status}
        </p>
      </div>
      {data?.truncated && (
        <p className="rounded-8 border border-orange-800 bg-orange-50 p-3 text-dns-16N-130 text-orange-1100">
          件数が多いため先頭 {data.persons.length} 件を表示しています。条件を追加してください
        </p>
      )}
      {data && data.persons.length === 0 && (
        <p className="rounded-8 border border-solid-gray-420 bg-white p-4 text-std-16N-170">
          該当する宛名はありません
        </p>
      )}
      {data && data.persons.length > 0 && <ResultTable persons={data.persons} query={query} />}
    </section>
  );
}

/** ↑/↓ on a result's link moves to the row above or below; Tab works as usual. */
function moveBetweenRows(event: KeyboardEvent<HTMLAnchorElement>) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = [
    ...(event.currentTarget.closest("tbody")?.querySelectorAll<HTMLAnchorElement>("a[data-result]") ?? []),
  ];
  const index = links.indexOf(event.currentTarget);
  const next = links[index + (event.key === "ArrowDown" ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

function ResultTable({ persons, query }: { persons: PersonSummary[]; query: string }) {
  const state: SearchLinkState = { searchQuery: query };
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
        <caption className="sr-only">
          宛名の検索結果 (行を選ぶと照会画面を開きます。↑↓キーで行を移動できます)
        </caption>
        <TableHead columns={["氏名", "カナ", "生年月日", "性別", "住所", "状態", "注意事項"]} nowrap />
        <tbody>
          {persons.map((p) => (
            <tr
              key={p.id}
              className={`relative border-b border-solid-gray-420 align-top hover:bg-blue-50 focus-within:bg-blue-50 ${p.status === "active" ? "" : "bg-solid-gray-50"}`}
            >
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link
                  to={`/persons/${encodeURIComponent(p.id)}`}
                  state={state}
                  data-result=""
                  onKeyDown={moveBetweenRows}
                  className={`text-dns-16B-130 text-blue-900 underline after:absolute after:inset-0 after:content-[''] ${focusRing}`}
                >
                  {p.name}
                </Link>
                {p.alias && <div className="text-dns-14N-130">通称 {p.alias}</div>}
                {p.nameAlpha && <div className="text-dns-14N-130">{p.nameAlpha}</div>}
                {p.kind !== "resident" && (
                  <div className="text-dns-14N-130 text-solid-gray-700">{personKindLabels[p.kind]}</div>
                )}
                {p.matchedBy && (
                  <div className="text-dns-14B-130 text-blue-1000">{matchedByLabel(p.matchedBy)}</div>
                )}
              </th>
              <td className="px-3 py-2">{p.nameKana}</td>
              <td className="px-3 py-2">
                {p.birthDate ? (
                  <>
                    <span className="whitespace-nowrap">
                      {p.birthDateWareki ?? formatWareki(p.birthDate)}
                    </span>
                    <br />
                    <span className="whitespace-nowrap text-dns-14N-130 text-solid-gray-700">
                      {formatSeireki(p.birthDate)}
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2">{p.sex ? sexLabels[p.sex] : "—"}</td>
              <td className="px-3 py-2">
                <AddressText address={p.address} />
              </td>
              <td className="px-3 py-2">
                <StatusLabel status={p.status} />
              </td>
              <td className="px-3 py-2">
                <FlagBadges flags={p.flags} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
