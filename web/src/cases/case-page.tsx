import { type CaseDetail, caseChannelLabels } from "@ichimado/core/cases/schemas";
import { type ReactNode, useEffect, useRef } from "react";
import { Link, useParams } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, focusRing, Loading, useTitle } from "../app/ui.tsx";
import { useSession } from "../auth/session.ts";
import { CertificateSection } from "../certificates/certificate-section.tsx";
import { PrintSection } from "../documents/print-section.tsx";
import { formatDateTime } from "../registry/status.ts";
import { JobsSection } from "../rpa/jobs-section.tsx";
import { useCaseDetail } from "./api.ts";
import { CaseActions } from "./case-actions.tsx";
import { HistorySection } from "./history-section.tsx";
import { IdentitySection } from "./identity-section.tsx";
import { MemoSection } from "./memo-section.tsx";
import { ProceduresSection } from "./procedures-section.tsx";
import { ResidenceChangesSection } from "./residence-changes-section.tsx";
import { linkClass } from "./section.tsx";
import { CaseStatusBadge } from "./status-badge.tsx";
import { SubjectsSection } from "./subjects-section.tsx";
import { VisitorSection } from "./visitor-section.tsx";

const back = (
  <Link to="/cases" className={`self-start ${linkClass}`}>
    対応一覧に戻る
  </Link>
);

/** One case (対応), its parts in the order of a visit; each part is saved on its own button. */
export function CasePage() {
  const { id = "" } = useParams();
  const caseId = /^\d{1,15}$/.test(id) ? Number(id) : 0;
  useTitle(`対応 受付番号 ${id}`);
  const detail = useCaseDetail(caseId);
  if (detail.isPending) return <Loading />;
  // A failed refresh keeps the case on screen (with the reason); only a failed first read replaces it.
  if (!detail.data) {
    return (
      <div className="flex flex-col gap-4">
        {back}
        <h1 className="text-std-28B-150">対応</h1>
        <ErrorAlert message={errorMessage(detail.error)} />
      </div>
    );
  }
  return (
    <>
      {detail.isError && <ErrorAlert message={errorMessage(detail.error)} />}
      <CaseView key={caseId} detail={detail.data} />
    </>
  );
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const editable = detail.status === "open";
  const caseId = detail.id;
  const functions = useSession().data?.functions ?? [];
  const canPrint = functions.includes("print");
  return (
    <div className="flex flex-col gap-6">
      {back}
      <header className="flex flex-col gap-3">
        <h1 ref={heading} tabIndex={-1} className={`self-start text-std-28B-150 outline-none ${focusRing}`}>
          対応 受付番号 {caseId}
        </h1>
        <dl className="flex flex-wrap items-center gap-x-6 gap-y-2 text-dns-16N-130">
          <Pair label="状態">
            <CaseStatusBadge status={detail.status} />
          </Pair>
          <Pair label="受付の方法">{caseChannelLabels[detail.channel]}</Pair>
          <Pair label="開始">
            {detail.opened.staffName}（{detail.opened.counterName}）{formatDateTime(detail.opened.at)}
          </Pair>
          <Pair label="最終更新">
            {detail.updated.staffName}（{detail.updated.counterName}）{formatDateTime(detail.updated.at)}
          </Pair>
        </dl>
        <CaseActions detail={detail} headingRef={heading} />
      </header>
      <VisitorSection caseId={caseId} visitor={detail.visitor} editable={editable} />
      <IdentitySection caseId={caseId} identity={detail.identity} editable={editable} />
      <SubjectsSection caseId={caseId} detail={detail} editable={editable} />
      <ResidenceChangesSection caseId={caseId} detail={detail} editable={editable} />
      <ProceduresSection caseId={caseId} detail={detail} editable={editable} />
      {functions.includes("certificates") && <CertificateSection detail={detail} editable={editable} />}
      {canPrint && <PrintSection detail={detail} />}
      <JobsSection caseId={caseId} />
      <MemoSection caseId={caseId} memos={detail.memos} writable={editable || detail.status === "closed"} />
      <HistorySection history={detail.history} />
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
