import { expect, test } from "@playwright/test";
import { caseWithMoveOut } from "./support/cases.ts";
import { city, isPlainHead, must } from "./support/city.ts";
import { pressOn, region } from "./support/keyboard.ts";
import { collectPdfs, nextPdf, pdfPageCount } from "./support/pdf.ts";

const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
const members = (householdId: string | null) =>
  city.persons.filter((p) => p.householdId === householdId && p.status === "active" && p.kind === "resident");
// A plain household near the end of the register (the other journeys pick from the start).
const head = must(
  [...city.persons].reverse().find((p) => isPlainHead(p) && members(p.householdId).length === 1),
  "one-person household",
);
const household = must(head.householdId ?? undefined, "household");
const destination = "島根県松江市殿町1番地";

test("a 転出's answer prints on its 住民異動届, shown before printing, listed, and reprinted the same", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const pdfs = await collectPdfs(page);
  const caseId = await caseWithMoveOut(page, head, destination);

  // 確認事項: the 転出届 asks whether the move-out was made with the My Number card (its wording may
  // have been edited by the catalog journey, which runs first).
  const card = region(page, "届出 (住民異動届)").getByRole("article", {
    name: `転出の届出（世帯番号 ${household}）`,
  });
  const navigation = card.getByRole("region", { name: /^確認事項/ });
  const question = navigation.getByRole("combobox", { name: /転出届/ });
  await question.focus();
  await question.selectOption("no");
  await pressOn(navigation.getByRole("button", { name: "確認事項の回答を保存" }));
  await expect(navigation.getByRole("status")).toContainText("回答を保存しました");

  // 書類の印刷: the 転出届's 住民異動届 is offered (ticked); the rest are unticked for this print.
  const documents = region(page, "書類の印刷");
  const form = documents.getByRole("checkbox", { name: "住民異動届（転出届）" });
  await expect(form).toBeChecked();
  for (const box of await documents.getByRole("checkbox").all())
    if ((await box.getAttribute("id")) !== (await form.getAttribute("id"))) await box.uncheck();
  await pressOn(documents.getByRole("button", { name: "選択した書類を印刷（1 件）" }));
  const text = await nextPdf(pdfs, 1, new RegExp(`^/api/v1/cases/${caseId}/documents$`));
  for (const expected of ["住民異動届", destination, head.name, "マイナンバーカードによる転出", "いいえ"])
    expect(text).toContain(expected.replace(/\s+/g, ""));

  // The preview takes focus; the history lists the document with its template version.
  await expect(
    documents.getByRole("heading", { name: "印刷プレビュー: 住民異動届（転出届）" }),
  ).toBeFocused();
  await expect(documents.getByTitle("印刷プレビュー: 住民異動届（転出届）")).toHaveAttribute("src", /^blob:/);
  const history = documents.getByRole("table", { name: "印刷履歴" });
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history.getByRole("rowheader")).toHaveText("住民異動届（版 1）");

  // A reprint gives the same filled-in text, and is listed as a reprint.
  await pressOn(history.getByRole("button", { name: "住民異動届 を再印刷" }));
  expect(await nextPdf(pdfs, 2, new RegExp(`^/api/v1/cases/${caseId}/documents/\\d+/reprint$`))).toBe(text);
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history.getByRole("rowheader").filter({ hasText: "（再印刷）" })).toHaveCount(1);

  // The 手続き案内書 for the visitor lists the procedure.
  await pressOn(documents.getByRole("button", { name: "手続き案内書を印刷" }));
  expect(await nextPdf(pdfs, 3, new RegExp(`^/api/v1/cases/${caseId}/guide-sheet\\.pdf$`))).toContain(
    "転出届",
  );
});

// 65 to 74, on 国保, alone in a plain household: a 転出 brings the 住民異動届, the 国保 and the 介護保険 forms.
const ageOn = (birth: string) =>
  Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);
const insuredSenior = must(
  city.persons.find(
    (p) =>
      isPlainHead(p) &&
      members(p.householdId).length === 1 &&
      p.birthDate !== null &&
      ageOn(p.birthDate) >= 66 &&
      ageOn(p.birthDate) <= 73 &&
      p.id !== head.id &&
      city.enrollments.some(
        (e) => e.personId === p.id && e.programme === "nationalHealthInsurance" && e.toDate === null,
      ),
  ),
  "an insured senior living alone",
);

test("three forms chosen for one case print as one PDF of three pages, listed, one reprinted", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const pdfs = await collectPdfs(page);
  const caseId = await caseWithMoveOut(page, insuredSenior, destination);
  const documents = region(page, "書類の印刷");
  const wanted = [/^住民異動届（転出届）$/, /^国民健康保険 異動届（/, /^介護保険 資格取得・喪失届（/];
  for (const box of await documents.getByRole("checkbox").all()) await box.uncheck();
  for (const w of wanted) await documents.getByRole("checkbox", { name: w }).check();
  for (const w of wanted) await expect(documents.getByRole("checkbox", { name: w })).toBeChecked();
  await pressOn(documents.getByRole("button", { name: "選択した書類を印刷（3 件）" }));
  const text = await nextPdf(pdfs, 1, new RegExp(`^/api/v1/cases/${caseId}/documents$`));
  expect(pdfPageCount(must(pdfs[0], "print").pdf)).toBe(3);
  for (const expected of [
    "住民異動届",
    "国民健康保険異動届",
    "介護保険資格取得・喪失届",
    insuredSenior.name,
    destination,
  ])
    expect(text).toContain(expected.replace(/\s+/g, ""));
  await expect(documents.getByRole("heading", { name: "印刷プレビュー: 書類 3 件" })).toBeFocused();

  const history = documents.getByRole("table", { name: "印刷履歴" });
  await expect(history.getByRole("row")).toHaveCount(4);
  // Newest first: the three documents of the one print, last printed first.
  await expect(history.getByRole("rowheader")).toHaveText([
    "介護保険 資格取得・喪失届（版 1）",
    "国民健康保険 異動届（版 1）",
    "住民異動届（版 1）",
  ]);
  await pressOn(history.getByRole("button", { name: "介護保険 資格取得・喪失届 を再印刷" }));
  const again = await nextPdf(pdfs, 2, new RegExp(`^/api/v1/cases/${caseId}/documents/\\d+/reprint$`));
  expect(pdfPageCount(must(pdfs[1], "reprint").pdf)).toBe(1);
  expect(again).toContain("介護保険資格取得・喪失届");
  expect(again).toContain(insuredSenior.name.replace(/\s+/g, ""));
  await expect(history.getByRole("row")).toHaveCount(5);
});
