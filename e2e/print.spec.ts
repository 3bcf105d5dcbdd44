import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { caseWithMoveOut } from "./support/cases.ts";
import { city, isPlainHead, must } from "./support/city.ts";
import { pressOn, region } from "./support/keyboard.ts";
import { collectPdfs, nextPdf, pdfPageCount } from "./support/pdf.ts";

const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
const alone = (householdId: string | null) =>
  city.persons.filter((p) => p.householdId === householdId && p.status === "active" && p.kind === "resident")
    .length === 1;
// A plain one-person household from the middle of the register (other journeys pick from the ends).
const heads = city.persons.filter((p) => isPlainHead(p) && alone(p.householdId));
const person = must(heads[Math.floor(heads.length / 2)], "one-person household");

test("申請書印刷: the counter's history lists a case's prints, reprints one, and prints blank forms as one PDF", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const pdfs = await collectPdfs(page, /\/api\/v1\/(cases\/\d+\/documents|documents\/blank\.pdf)/);
  // A 転出 case, printed on its screen.
  const caseId = await caseWithMoveOut(page, person, "島根県松江市殿町1番地");
  const documents = region(page, "書類の印刷");
  await expect(documents.getByRole("checkbox", { name: "住民異動届（転出届）" })).toBeChecked();
  await pressOn(documents.getByRole("button", { name: /^選択した書類を印刷/ }));
  const printed = await nextPdf(pdfs, 1, new RegExp(`^/api/v1/cases/${caseId}/documents$`));
  expect(printed).toContain(person.name.replace(/\s+/g, ""));
  // The case's history lists what one print made (the history refreshes once, all rows together).
  const caseHistory = documents.getByRole("table", { name: "印刷履歴" }).getByRole("rowheader");
  await expect(caseHistory.first()).toBeVisible();
  const printedCount = await caseHistory.count();

  // 申請書印刷 from the home menu: today's prints of 市民課, this case's among them, newest first.
  await page.getByRole("link", { name: "いちまど" }).click();
  await page
    .getByRole("navigation", { name: "業務メニュー" })
    .getByRole("link", { name: "申請書印刷" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "帳票の印刷" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "印刷履歴（市民課）" })).toBeVisible();
  const history = page.getByRole("table", { name: /の印刷（\d+ 件、新しい順）$/ });
  const ofCase = history
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: `受付番号 ${caseId}`, exact: true }) });
  await expect(ofCase).toHaveCount(printedCount);
  const form = ofCase.filter({ has: page.getByRole("rowheader", { name: /^住民異動届/ }) });
  await expect(form).toHaveCount(1);
  await expect(form).toContainText(person.name);
  await expectNoSeriousViolations(page);

  // 再印刷 runs the case's reprint and shows the PDF as the case screen does; the reprint heads the list.
  await pressOn(form.getByRole("button", { name: "住民異動届 を再印刷" }));
  // The form again, as first printed; the first print may have had a leaflet after it (another
  // journey attaches one to the procedure), which a reprint of the form does not repeat.
  const reprinted = await nextPdf(pdfs, 2, new RegExp(`^/api/v1/cases/${caseId}/documents/\\d+/reprint$`));
  expect(reprinted).toContain(person.name.replace(/\s+/g, ""));
  expect(printed.startsWith(reprinted)).toBe(true);
  await expect(page.getByRole("heading", { name: "印刷プレビュー: 住民異動届（再印刷）" })).toBeFocused();
  await expect(ofCase).toHaveCount(printedCount + 1);
  await expect(history.getByRole("row").nth(1)).toContainText("住民異動届（再印刷）");

  // A date range: yesterday alone lists nothing of today's.
  const [year, month, day] = today.split("-").map(Number);
  const yesterday = new Date(Date.UTC(must(year, "y"), must(month, "m") - 1, must(day, "d") - 1))
    .toISOString()
    .slice(0, 10);
  const period = page.getByRole("form", { name: "印刷履歴の期間" });
  await period.getByLabel("期間の初日").fill(yesterday);
  await period.getByLabel("期間の末日").fill(yesterday);
  await period.getByLabel("期間の末日").press("Enter");
  await expect(ofCase).toHaveCount(0);
  // A period longer than a month is refused beside the field, in Japanese.
  await period.getByLabel("期間の初日").fill("2026-01-01");
  await period.getByLabel("期間の末日").fill("2026-03-01");
  await period.getByRole("button", { name: "表示する" }).click();
  await expect(period.getByLabel("期間の末日")).toBeFocused();
  await expect(period).toContainText("期間は31日以内にしてください");
  await pressOn(period.getByRole("button", { name: "今日の印刷" }));
  await expect(ofCase).toHaveCount(printedCount + 1);

  // 様式・リーフレット: two blank forms chosen, printed as one PDF of two pages with no one's name.
  const blank = region(page, "様式・リーフレット");
  const forms = blank.getByRole("group", { name: "様式" });
  await forms.getByRole("checkbox", { name: "住民異動届", exact: true }).check();
  await forms.getByRole("checkbox", { name: "国民健康保険 異動届", exact: true }).check();
  await pressOn(blank.getByRole("button", { name: "選択した様式・リーフレットを印刷（2 件）" }));
  const blankText = await nextPdf(pdfs, 3, /^\/api\/v1\/documents\/blank\.pdf$/);
  expect(pdfPageCount(must(pdfs[2], "blank pdf").pdf)).toBe(2);
  expect(blankText).toContain("住民異動届");
  expect(blankText).not.toContain(person.name.replace(/\s+/g, ""));
  await expect(blank.getByRole("heading", { name: "印刷プレビュー: 様式・リーフレット 2 件" })).toBeFocused();
  await expectNoSeriousViolations(page);
});
