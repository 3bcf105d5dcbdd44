import type { CaseDetail } from "@ichimado/core/cases/schemas";
import type { CertificateQuoteRequest } from "@ichimado/core/certificates/api";
import { draftFromLine, emptyLineDraft, requesterFromVisitor } from "@ichimado/core/certificates/intake";
import type { RequestLine } from "@ichimado/core/certificates/schemas";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import { useEffect, useId, useRef, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading } from "../app/ui.tsx";
import { ErrorSummary } from "../cases/form-errors.tsx";
import { CaseSection, ReadOnlyNote, SavedMessage, StepButton } from "../cases/section.tsx";
import { PrintOutcome, usePrintRun } from "../documents/print-run.tsx";
import { AcceptedRequests } from "./accepted-requests.tsx";
import { useAcceptRequest, useCertificateSettings, useQuote } from "./api.ts";
import { InstructionsField } from "./instructions-field.tsx";
import { LineForm } from "./line-form.tsx";
import { useCandidatePersons } from "./persons.ts";
import { RequestLines, requesterFields } from "./request-lines.tsx";
import { RequesterFields } from "./requester-fields.tsx";

/** The value once it has stayed the same for `ms`: one quote per pause in typing, not per key. */
function useSettled<T>(value: T, ms: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return JSON.parse(settled) as T;
}

/**
 * 証明書の請求 (I31–I36): who asks, a line per certificate and person, the fee quoted live by the
 * server with whatever stops a line, the instructions to the issuing clerk; accepted into the case,
 * then its 証明書交付請求書 printed for the visitor to check and sign.
 */
export function CertificateSection({ detail, editable }: { detail: CaseDetail; editable: boolean }) {
  const settings = useCertificateSettings();
  const { persons } = useCandidatePersons(detail);
  const print = usePrintRun(detail.id);
  return (
    <CaseSection id="certificates" title="証明書の請求">
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorAlert message={errorMessage(settings.error)} />
      ) : (
        <>
          {editable ? (
            <RequestForm detail={detail} settings={settings.data} persons={persons} />
          ) : (
            <ReadOnlyNote>受付中の対応でだけ請求を受け付けられます</ReadOnlyNote>
          )}
          <AcceptedRequests caseId={detail.id} settings={settings.data} persons={persons} print={print} />
          <ErrorAlert message={print.error ? errorMessage(print.error) : ""} />
          <PrintOutcome state={print} />
        </>
      )}
    </CaseSection>
  );
}

type Settings = NonNullable<ReturnType<typeof useCertificateSettings>["data"]>;

function RequestForm({
  detail,
  settings,
  persons,
}: {
  detail: CaseDetail;
  settings: Settings;
  persons: readonly PersonSummary[];
}) {
  const id = useId();
  const [requester, setRequester] = useState(() => requesterFromVisitor(detail.visitor?.input ?? null));
  const [keyed, setKeyed] = useState<{ key: number; line: RequestLine }[]>([]);
  const nextKey = useRef(0);
  const lines = keyed.map((k) => k.line);
  const add = (line: RequestLine) => setKeyed([...keyed, { key: nextKey.current++, line }]);
  const [editing, setEditing] = useState<number | null>(null);
  const [instructions, setInstructions] = useState("");
  const [localError, setLocalError] = useState("");
  const [message, setMessage] = useState("");
  const request: CertificateQuoteRequest | null =
    lines.length > 0 ? { requester, lines, instructions } : null;
  const settled = useSettled(request, 300);
  const quote = useQuote(settled);
  const accept = useAcceptRequest(detail.id);
  const quoted = quote.data && lines.length > 0 ? quote.data : undefined;
  const requesterProblems = (quoted?.problems ?? []).filter((p) => requesterFields.has(p.field));
  const uniqueRequesterProblems = requesterProblems.filter(
    (p, i) => requesterProblems.findIndex((q) => q.message === p.message) === i,
  );
  const errorFor = (field: string) => uniqueRequesterProblems.find((p) => p.field === field)?.message;
  const personId = detail.subjects.find((s) => s.person)?.person?.id ?? "";

  const submit = () => {
    if (accept.isPending) return;
    setMessage("");
    if (!request) {
      setLocalError("請求する証明書を1件以上追加してください");
      return;
    }
    setLocalError("");
    accept.mutate(request, {
      onSuccess: (accepted) => {
        setKeyed([]);
        setInstructions("");
        setEditing(null);
        setMessage(
          `請求を受け付けました（手数料 ${accepted.total.toLocaleString("ja-JP")}円）。証明書交付請求書を印刷してください`,
        );
      },
    });
  };

  return (
    <div className="flex flex-col gap-4">
      <RequesterFields
        idPrefix={`${id}-requester`}
        requester={requester}
        types={settings.types}
        errors={{ reason: errorFor("reason"), delegation: errorFor("delegation") }}
        onChange={setRequester}
      />
      {lines.length > 0 && (
        <RequestLines
          lines={keyed}
          quote={quoted}
          quoting={quote.isFetching || JSON.stringify(settled) !== JSON.stringify(request)}
          persons={persons}
          settings={settings}
          editable
          onEdit={setEditing}
          onRemove={(index) => {
            setKeyed(keyed.filter((_, i) => i !== index));
            setEditing(null);
          }}
        />
      )}
      {quote.isError && <ErrorAlert message={errorMessage(quote.error)} />}
      {editing !== null && lines[editing] ? (
        <LineForm
          key={`edit-${editing}`}
          title={`${editing + 1}件目の変更`}
          settings={settings}
          persons={persons}
          initial={draftFromLine(lines[editing])}
          onSubmit={(line) => {
            setKeyed(keyed.map((k, i) => (i === editing ? { ...k, line } : k)));
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <LineForm
          key="add"
          title="証明書の追加"
          settings={settings}
          persons={persons}
          initial={emptyLineDraft(personId)}
          onSubmit={add}
        />
      )}
      <InstructionsField id={`${id}-instructions`} value={instructions} onChange={setInstructions} />
      <ErrorSummary error={accept.error} fieldId={() => `${id}-accept`} />
      <ErrorAlert message={localError} />
      <div>
        <StepButton pending={accept.isPending} onClick={submit}>
          請求を受け付ける
        </StepButton>
      </div>
      <SavedMessage message={message} />
    </div>
  );
}
