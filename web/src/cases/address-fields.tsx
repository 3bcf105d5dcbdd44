import { prefectures } from "@ichimado/core/addresses/prefectures";
import { suggestTowns, type TownCandidate } from "@ichimado/core/addresses/suggest";
import type { MoveInOrigin } from "@ichimado/core/cases/residence-change";
import { addressKey } from "@ichimado/core/search/address";
import { useCallback, useDeferredValue, useMemo, useRef } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, focusRing } from "../app/ui.tsx";
import { useMunicipalities, useTownLots, useTowns } from "./api.ts";
import { Checkbox, dateHint, FieldError, TextInput } from "./fields.tsx";
import { type Choice, FilterSelect } from "./filter-select.tsx";
import { type Issue, issueAt } from "./form-errors.tsx";
import type { ResidenceChangeDraft } from "./residence-change-draft.ts";

type SetDraft = <K extends keyof ResidenceChangeDraft>(key: K, value: ResidenceChangeDraft[K]) => void;

interface Props {
  fieldId: (path: string) => string;
  draft: ResidenceChangeDraft;
  issues: readonly Issue[];
  set: SetDraft;
}

/**
 * An address in the city: 町字 from the address master (found by its kanji, reading or postal code),
 * then 番地 and 方書, offered from those where residents live and still free to type.
 */
export function CityAddressFields({ fieldId, draft, issues, set, legend }: Props & { legend: string }) {
  const towns = useTowns();
  const candidates = useMemo<TownCandidate[]>(() => towns.data?.towns ?? [], [towns.data]);
  // The list asks once per town for each keystroke: rank once, answer from the set.
  const matching = useMemo(() => {
    let last: { input: string; codes: Set<string> } | undefined;
    return (input: string) => {
      if (last?.input !== input) {
        const found = suggestTowns(input, candidates, { limit: candidates.length, cityName: "出雲市" });
        last = { input, codes: new Set(found.map((f) => f.town.code)) };
      }
      return last.codes;
    };
  }, [candidates]);
  const townFilter = useCallback(
    (choice: Choice, input: string) => matching(input).has(choice.id),
    [matching],
  );
  // 「今市町2丁目15」 typed whole: the town is chosen from the list and the rest goes on as the 番地.
  const typed = useRef("");
  const chooseTown = (code: string) => {
    set("townCode", code);
    const name = towns.data?.towns.find((t) => t.code === code)?.name;
    const at = name ? typed.current.indexOf(name) : -1;
    const rest = name && at >= 0 ? typed.current.slice(at + name.length).trim() : "";
    if (rest && !draft.lot) set("lot", rest);
  };
  const lotTyped = useDeferredValue(draft.lot);
  const lots = useTownLots(draft.townCode, lotTyped);
  const lotList = lots.data?.lots ?? [];
  const lotKey = addressKey(draft.lot);
  const katagakiHere =
    draft.lot === "" ? [] : (lotList.find((l) => addressKey(l.lot) === lotKey)?.katagaki ?? []);
  const choices = useMemo<Choice[]>(
    () =>
      (towns.data?.towns ?? []).map((t) => ({
        id: t.code,
        label: t.name,
        detail: `〒${t.postalCode}`,
        keywords: t.nameKana,
      })),
    [towns.data],
  );
  const whole = issueAt(issues, "newAddress");
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-std-16B-170 text-solid-gray-800">{legend}</legend>
      <FieldError message={whole} />
      {towns.isError && <ErrorAlert message={errorMessage(towns.error)} />}
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
        <FilterSelect
          fieldId={fieldId("newAddress.townCode")}
          label="町字"
          hint="町名・よみ・郵便番号で絞り込み"
          choices={choices}
          filter={townFilter}
          onInputChange={(text) => {
            typed.current = text;
          }}
          value={draft.townCode}
          error={issueAt(issues, "newAddress.townCode")}
          onChange={chooseTown}
        />
        <TextInput
          id={fieldId("newAddress.lot")}
          label="番地"
          hint="例: 2丁目15番地3 (住民のいる番地を候補に表示)"
          list={draft.townCode ? fieldId("newAddress.lot-list") : undefined}
          value={draft.lot}
          error={issueAt(issues, "newAddress.lot")}
          onChange={(e) => set("lot", e.currentTarget.value)}
        />
        <TextInput
          id={fieldId("newAddress.katagaki")}
          label="方書"
          hint="建物名・部屋番号 (任意)"
          list={katagakiHere.length > 0 ? fieldId("newAddress.katagaki-list") : undefined}
          value={draft.katagaki}
          error={issueAt(issues, "newAddress.katagaki")}
          onChange={(e) => set("katagaki", e.currentTarget.value)}
        />
      </div>
      <datalist id={fieldId("newAddress.lot-list")}>
        {lotList.map((l) => (
          <option key={l.lot} value={l.lot} />
        ))}
      </datalist>
      <datalist id={fieldId("newAddress.katagaki-list")}>
        {katagakiHere.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
    </fieldset>
  );
}

/**
 * An address outside the city, typed freely: the prefecture is offered as it is begun, then the
 * municipalities the register's outside addresses name (where this city's people come from and go to).
 */
export function OutsideAddressField({ fieldId, draft, issues, set, label }: Props & { label: string }) {
  const municipalities = useMunicipalities(draft.outsideAddress).data?.municipalities ?? [];
  return (
    <>
      <TextInput
        id={fieldId("outsideAddress")}
        label={label}
        hint="都道府県から (国外の場合は国名から)。市区町村は入力に応じて候補が出ます"
        list={fieldId("outsideAddress-places")}
        value={draft.outsideAddress}
        error={issueAt(issues, "outsideAddress")}
        onChange={(e) => set("outsideAddress", e.currentTarget.value)}
      />
      <datalist id={fieldId("outsideAddress-places")}>
        {municipalities.map((m) => (
          <option key={m} value={m} />
        ))}
        {prefectures.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
    </>
  );
}

const originLabels: Record<MoveInOrigin, string> = {
  otherMunicipality: "他の市区町村から",
  abroad: "国外から",
};

/** 転入: where from, and the 転出証明書 (or the card-based 特例転入) when from another municipality. */
export function MoveInFields({ fieldId, draft, issues, set }: Props) {
  const originError = issueAt(issues, "origin");
  const certificateError = issueAt(issues, "moveOutCertificate");
  return (
    <>
      <fieldset
        className="flex flex-col gap-1"
        aria-describedby={originError ? fieldId("origin-error") : undefined}
      >
        <legend className="mb-1 text-std-16B-170 text-solid-gray-800">転入の区分</legend>
        <div className="flex min-h-12 flex-wrap items-center gap-4">
          {(Object.keys(originLabels) as MoveInOrigin[]).map((origin, i) => (
            <div key={origin} className="flex items-center gap-2">
              <input
                id={i === 0 ? fieldId("origin") : fieldId(`origin-${origin}`)}
                type="radio"
                name={fieldId("origin")}
                checked={draft.origin === origin}
                onChange={() => set("origin", origin)}
                className={`size-6 ${focusRing}`}
              />
              <label htmlFor={i === 0 ? fieldId("origin") : fieldId(`origin-${origin}`)}>
                {originLabels[origin]}
              </label>
            </div>
          ))}
        </div>
        <FieldError id={fieldId("origin-error")} message={originError} />
      </fieldset>
      {draft.origin === "otherMunicipality" && (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-std-16B-170 text-solid-gray-800">転出証明書</legend>
          <FieldError message={certificateError} />
          <Checkbox
            id={fieldId("moveOutCertificate")}
            label="マイナンバーカードによる特例転入 (転出証明書なし)"
            checked={draft.certificateCardBased}
            onChange={(on) => set("certificateCardBased", on)}
          />
          <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
            <TextInput
              id={fieldId("moveOutCertificate.municipality")}
              label="発行 (転出届) の市区町村"
              value={draft.certificateMunicipality}
              error={issueAt(issues, "moveOutCertificate.municipality")}
              onChange={(e) => set("certificateMunicipality", e.currentTarget.value)}
            />
            <TextInput
              id={fieldId("moveOutCertificate.issuedOn")}
              label="発行日 (転出届の日)"
              hint={dateHint}
              value={draft.certificateIssuedOn}
              error={issueAt(issues, "moveOutCertificate.issuedOn")}
              onChange={(e) => set("certificateIssuedOn", e.currentTarget.value)}
            />
          </div>
        </fieldset>
      )}
    </>
  );
}
