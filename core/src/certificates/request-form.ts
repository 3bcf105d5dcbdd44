import { z } from "zod";
import type { CertificateRequestList } from "./api.ts";
import { type CertificateType, type Purpose, requesterKindLabels } from "./schemas.ts";

/**
 * What the 証明書交付請求書 (J36) says: every certificate asked for, for whom, with which 記載事項,
 * why, how many and for how much, and the total, for the visitor to check and sign. Kept with the
 * print, so a reprint says the same.
 */
export const requestFormContentSchema = z.object({
  city: z.string(),
  /** the date of the request, in 和暦 */
  date: z.string(),
  requester: z.string(),
  visitorName: z.string().nullable(),
  lines: z.array(
    z.object({
      certificate: z.string(),
      person: z.string(),
      options: z.string(),
      purpose: z.string(),
      quantity: z.number(),
      fee: z.string(),
    }),
  ),
  total: z.string(),
});
export type RequestFormContent = z.infer<typeof requestFormContentSchema>;

export function requestFormContent(
  request: CertificateRequestList["requests"][number],
  settings: { types: readonly CertificateType[]; purposes: readonly Purpose[] },
  names: ReadonlyMap<string, string>,
  context: { city: string; date: string; visitorName: string | null },
): RequestFormContent {
  const types = new Map(settings.types.map((t) => [t.key, t]));
  const purposes = new Map(settings.purposes.map((p) => [p.key, p.name]));
  return {
    ...context,
    requester: requesterKindLabels[request.requester.kind],
    lines: request.lines.map((line, i) => {
      const type = types.get(line.certificateKey);
      const options = line.options.map((key) => type?.options.find((o) => o.key === key)?.name ?? key);
      const periods = [
        ...(line.years.length > 0 ? [`${line.years.join("・")}年度`] : []),
        ...(line.taxes.length > 0 ? [line.taxes.join("・")] : []),
        ...(line.parcels !== null ? [`${line.parcels}筆・棟`] : []),
      ];
      const purpose = purposes.get(line.purpose) ?? line.purpose;
      return {
        certificate: [type?.name ?? line.certificateKey, ...periods].join("　"),
        person: names.get(line.personId) ?? line.personId,
        options: options.length > 0 ? options.join("、") : "（なし）",
        purpose: line.purposeText ? `${purpose}（${line.purposeText}）` : purpose,
        quantity: line.quantity,
        fee: request.fees[i]?.breakdown ?? "",
      };
    }),
    total: `${request.total.toLocaleString("ja-JP")}円`,
  };
}
