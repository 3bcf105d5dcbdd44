import { useId, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading } from "../app/ui.tsx";
import { Checkbox } from "../cases/fields.tsx";
import { StepButton } from "../cases/section.tsx";
import { usePrintableForms, usePrintableLeaflets } from "./counter-prints-api.ts";
import { PrintOutcome, usePrintRun } from "./print-run.tsx";

/**
 * 様式・リーフレット: forms with nothing filled in (only the city's fixed text) and leaflets, the
 * chosen ones printed as one PDF in the order listed — forms first, then leaflets.
 */
export function BlankPrintSection() {
  const id = useId();
  const forms = usePrintableForms();
  const leaflets = usePrintableLeaflets();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [localError, setLocalError] = useState("");
  const print = usePrintRun();
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };

  if (forms.isPending || leaflets.isPending) return <Loading />;
  if (forms.isError || leaflets.isError)
    return <ErrorAlert message={errorMessage(forms.error ?? leaflets.error)} />;
  const formList = forms.data.templates;
  const leafletList = leaflets.data.leaflets;
  const templates = formList.filter((f) => chosen.has(`form:${f.key}`));
  const chosenLeaflets = leafletList.filter((l) => chosen.has(`leaflet:${l.key}`));
  const count = templates.length + chosenLeaflets.length;

  const printChosen = () => {
    if (count === 0) {
      setLocalError("印刷する様式かリーフレットを選んでください");
      return;
    }
    setLocalError("");
    const names = [...templates.map((f) => f.name), ...chosenLeaflets.map((l) => l.name)];
    print.run(
      { kind: "blank", templates: templates.map((f) => f.key), leaflets: chosenLeaflets.map((l) => l.key) },
      count === 1 ? (names[0] ?? "様式") : `様式・リーフレット ${count} 件`,
    );
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-std-20B-150">
        様式・リーフレット
      </h2>
      <p className="text-dns-16N-130">
        記入前の様式（持ち帰り用・記載台用）とリーフレットを選んで、まとめて印刷します。個人の情報は印字されません。
      </p>
      {formList.length === 0 ? (
        <p className="text-dns-16N-130">使用できる様式はありません</p>
      ) : (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-std-16B-170">様式</legend>
          {formList.map((f) => (
            <Checkbox
              key={f.key}
              id={`${id}-form-${f.key}`}
              label={f.name}
              checked={chosen.has(`form:${f.key}`)}
              onChange={(on) => toggle(`form:${f.key}`, on)}
            />
          ))}
        </fieldset>
      )}
      {leafletList.length === 0 ? (
        <p className="text-dns-16N-130">登録されたリーフレットはありません</p>
      ) : (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-std-16B-170">リーフレット</legend>
          {leafletList.map((l) => (
            <Checkbox
              key={l.key}
              id={`${id}-leaflet-${l.key}`}
              label={`${l.name}（${l.pages} ページ）`}
              checked={chosen.has(`leaflet:${l.key}`)}
              onChange={(on) => toggle(`leaflet:${l.key}`, on)}
            />
          ))}
        </fieldset>
      )}
      {formList.length + leafletList.length > 0 && (
        <StepButton pending={print.pending} className="self-start" onClick={printChosen}>
          選択した様式・リーフレットを印刷（{count} 件）
        </StepButton>
      )}
      <ErrorAlert message={localError || (print.error ? errorMessage(print.error) : "")} />
      <PrintOutcome state={print} />
    </section>
  );
}
