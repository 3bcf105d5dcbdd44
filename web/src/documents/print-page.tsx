import { useTitle } from "../app/ui.tsx";
import { BlankPrintSection } from "./blank-print-section.tsx";
import { CounterPrintsSection } from "./counter-prints-section.tsx";

/**
 * 帳票の印刷 (G26–G29 outside a case): what this counter printed, reprinted as the case screen
 * reprints; and blank forms and leaflets for a visitor to take home or fill in at the desk.
 * Filling a form in happens on the case screen, where the person and the procedure are known.
 */
export function PrintPage() {
  useTitle("帳票の印刷");
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-std-28B-150">帳票の印刷</h1>
      <p className="text-dns-16N-130">
        {"記入済みの申請書は、対応画面の「書類の印刷」から印刷します。"}
        {"ここでは、この窓口で印刷した書類の再印刷と、記入前の様式・リーフレットの印刷ができます。"}
      </p>
      <CounterPrintsSection />
      <BlankPrintSection />
    </div>
  );
}
