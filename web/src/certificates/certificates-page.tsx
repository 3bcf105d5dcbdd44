import { feeRuleText } from "@ichimado/core/certificates/fees";
import {
  certificateGroupLabels,
  certificateGroups,
  requesterKindLabels,
} from "@ichimado/core/certificates/schemas";
import { Link } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, TableHead, useTitle } from "../app/ui.tsx";
import { NewCaseForm } from "../cases/new-case-form.tsx";
import { linkClass } from "../cases/section.tsx";
import { useCertificateSettings } from "./api.ts";

/**
 * 証明受付: a request is taken in a case (visitor, identity, then the certificates), so this screen
 * opens one; below, the fee table and who may ask for what, for the clerk answering at the counter.
 */
export function CertificatesPage() {
  useTitle("証明受付");
  const settings = useCertificateSettings();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-std-28B-150">証明受付</h1>
      <p className="text-std-16N-170">
        証明書の請求は対応の中で受け付けます。新しい対応を始め、来庁者と本人確認を記録してから「証明書の請求」で証明書を選んでください。
        受付中の対応は
        <Link to="/cases" className={linkClass}>
          対応一覧
        </Link>
        から開けます。
      </p>
      <NewCaseForm />
      <section aria-labelledby="fee-table" className="flex flex-col gap-3">
        <h2 id="fee-table" className="text-std-20B-150">
          手数料一覧
        </h2>
        {settings.isPending ? (
          <Loading />
        ) : settings.isError ? (
          <ErrorAlert message={errorMessage(settings.error)} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-dns-16N-130">
              <TableHead columns={["証明書", "手数料", "請求できる方", "案内"]} />
              {certificateGroups.map((group) => {
                const types = settings.data.types.filter((t) => t.group === group);
                return types.length === 0 ? null : (
                  <tbody key={group}>
                    <tr className="bg-solid-gray-50">
                      <th colSpan={4} scope="colgroup" className="px-3 py-2 text-std-16B-170">
                        {certificateGroupLabels[group]}
                      </th>
                    </tr>
                    {types.map((t) => (
                      <tr key={t.key} className="border-b border-solid-gray-420 align-top">
                        <th scope="row" className="px-3 py-2 font-normal">
                          {t.name}
                        </th>
                        <td className="px-3 py-2">{feeRuleText(t.fee)}</td>
                        <td className="px-3 py-2">
                          {t.requesters.map((r) => requesterKindLabels[r]).join("、")}
                        </td>
                        <td className="px-3 py-2">{t.guidance || "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                );
              })}
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
