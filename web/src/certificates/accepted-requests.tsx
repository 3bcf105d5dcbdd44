import type { certificateSettingsSchema } from "@ichimado/core/certificates/api";
import { requesterKindLabels } from "@ichimado/core/certificates/schemas";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import type { z } from "zod";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert } from "../app/ui.tsx";
import { StepButton } from "../cases/section.tsx";
import type { PrintRun } from "../documents/print-run.tsx";
import { formatDateTime } from "../registry/status.ts";
import { useCertificateRequests } from "./api.ts";
import { personLabel } from "./persons.ts";

type Settings = z.infer<typeof certificateSettingsSchema>;

/** 受け付けた請求: each with its certificates, fee, instructions, and its 証明書交付請求書 to print. */
export function AcceptedRequests({
  caseId,
  settings,
  persons,
  print,
}: {
  caseId: number;
  settings: Settings;
  persons: readonly PersonSummary[];
  print: PrintRun;
}) {
  const requests = useCertificateRequests(caseId);
  if (requests.isError) return <ErrorAlert message={errorMessage(requests.error)} />;
  const list = requests.data?.requests ?? [];
  if (list.length === 0) return null;
  const names = new Map(persons.map((p) => [p.id, personLabel(p)]));
  const typeName = (key: string) => settings.types.find((t) => t.key === key)?.name ?? key;
  return (
    <section aria-label="受け付けた請求" className="flex flex-col gap-3">
      <h3 className="text-std-18B-160">受け付けた請求</h3>
      <ol className="flex flex-col gap-3">
        {list.map((r, n) => (
          <li key={r.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
            <p className="text-std-16B-170">
              請求 {n + 1}（{requesterKindLabels[r.requester.kind]}）: 手数料{" "}
              {r.total.toLocaleString("ja-JP")}円
            </p>
            <ul className="list-disc pl-6 text-dns-16N-130">
              {r.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a stored request's lines never change or move
                <li key={i}>
                  {names.get(l.personId) ?? l.personId}: {typeName(l.certificateKey)} {l.quantity}通
                  {r.fees[i] && `（${r.fees[i].breakdown}）`}
                </li>
              ))}
            </ul>
            {r.instructions && (
              <p className="whitespace-pre-line text-dns-16N-130">発行上の指示: {r.instructions}</p>
            )}
            <p className="text-dns-14N-130 text-solid-gray-700">
              {r.created.staffName}（{r.created.counterName}）{formatDateTime(r.created.at)}
            </p>
            <StepButton
              pending={print.pending}
              variant="secondary"
              className="self-start"
              onClick={() =>
                print.run(
                  { kind: "certificateRequestForm", requestId: r.id },
                  `証明書交付請求書（請求 ${n + 1}）`,
                )
              }
            >
              証明書交付請求書を印刷
            </StepButton>
          </li>
        ))}
      </ol>
    </section>
  );
}
