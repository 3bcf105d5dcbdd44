import { readFile } from "node:fs/promises";
import { defaultProcedures, defaultQuestions } from "@ichimado/core/catalog/default-catalog";
import { formatWareki } from "@ichimado/core/common/wareki";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { bannedPersons, city, isPlainHead, must } from "./support/city.ts";
import { hiragana, pressOn, region } from "./support/keyboard.ts";
import { collectPdfs, minimalPdf, nextPdf } from "./support/pdf.ts";

// The server seeds its catalog from core's defaults: the procedure and the question edited here.
const moveOut = must(
  defaultProcedures.find((p) => p.key === "move-out-notice"),
  "move-out-notice procedure",
);
const questionKey = must(moveOut.questions[0], "check item of 転出届");
const question = must(
  defaultQuestions.find((q) => q.key === questionKey),
  "question",
);

// Unique per run, so a match can only be this run's edit.
const stamp = Date.now().toString(36);
const newGuidance = `転出先の住所と転出予定日を確認し、転出証明書を交付する（e2e ${stamp}）。`;
const newQuestionText = `マイナポータルで転出届を済ませていますか（e2e ${stamp}）。`;
const leafletName = `転出される方へ（e2e ${stamp}）`;
const leafletText = `Ichimado leaflet ${stamp}`;

const activeMembers = (householdId: string | null) =>
  city.persons.filter((p) => p.householdId === householdId && p.status === "active" && p.kind === "resident");
/** The head of a small, plain household, away from where the other journeys pick theirs. */
const mover = must(
  city.persons
    .filter((p) => {
      const members = activeMembers(p.householdId);
      return (
        isPlainHead(p) &&
        members.length >= 1 &&
        members.length <= 3 &&
        members.every((m) => !bannedPersons.has(m.id) && !m.nationality)
      );
    })
    .at(-30),
  "plain household",
);
const household = must(mover.householdId ?? undefined, "household");

// Saves write a whole catalog version and a fresh page parses the whole catalog: on a machine busy
// with other suites these take longer than the default wait, which stays for everything else.
const slow = expect.configure({ timeout: 20_000 });

/** Replaces a field's text by keyboard: select all, then type. */
async function retype(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.page().keyboard.press("ControlOrMeta+a");
  await field.page().keyboard.insertText(text);
  await expect(field).toHaveValue(text);
}

async function versionOf(page: Page): Promise<number> {
  const text = (await page.getByTestId("current-version").textContent()) ?? "";
  return Number(/版 (\d+)/.exec(text)?.[1] ?? Number.NaN);
}

async function openCatalog(page: Page): Promise<void> {
  await pressOn(
    page.getByRole("navigation", { name: "窓口の主な画面" }).getByRole("link", { name: "手続きカタログ" }),
  );
  await expect(page.getByRole("heading", { level: 1, name: "手続きカタログ" })).toBeFocused();
}

test("an administrator edits a procedure and a question; a clerk sees the new guidance", async ({ page }) => {
  test.setTimeout(240_000);
  await logIn(page, "admin");
  await chooseCounterIfAsked(page, "情報政策課");
  await expect(
    page.getByRole("navigation", { name: "業務メニュー" }).getByRole("link", { name: "手続きカタログ" }),
  ).toHaveAttribute("href", "/admin/catalog");
  await openCatalog(page);
  const base = await versionOf(page);
  expect(base).toBeGreaterThanOrEqual(1);
  await expectNoSeriousViolations(page);

  // The list narrows as the name is typed, and by programme.
  const filter = page.getByRole("search", { name: "手続きの絞り込み" });
  await filter.getByLabel("手続き名・キー・ルールで絞り込み").focus();
  await page.keyboard.type("転出届");
  await filter.getByLabel("業務").selectOption("residency");
  const procedures = page.getByRole("table", { name: /手続きの一覧/ });
  const row = procedures
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "転出届", exact: true }) });
  await expect(row).toContainText("住民基本台帳");
  await expect(row).toContainText("市民課");
  await expect(row).toContainText("届出が転出の場合");
  await expect(page.getByTestId("procedure-count")).toContainText(/全 \d+ 件/);

  // The editor: the rule reads in Japanese and follows the structured fields as they change.
  await pressOn(row.getByRole("link", { name: "転出届", exact: true }));
  await expect(page).toHaveURL(/\/admin\/catalog\/procedures\/move-out-notice$/);
  await expect(page.getByRole("heading", { level: 1, name: "手続きの編集: 転出届" })).toBeFocused();
  const editor = page.getByRole("form", { name: "手続きの編集" });
  const description = editor.getByTestId("rule-description");
  await expect(description).toHaveText("届出が転出の場合");
  // The form it prints: the initial 住民異動届, ticked; the 国保 form is offered but not.
  const forms = editor.getByRole("group", { name: "印刷する様式" });
  await expect(forms.getByRole("checkbox", { name: /^住民異動届/ })).toBeChecked();
  await expect(forms.getByRole("checkbox", { name: /^国民健康保険 異動届/ })).not.toBeChecked();
  // A leaflet for it: its PDF registered here, then ticked (saved with the procedure below).
  const leaflets = editor.getByRole("group", { name: "添付する案内チラシ" });
  await leaflets.getByText("案内チラシのPDFを登録する").click();
  await leaflets.getByLabel("チラシのキー").fill(`e2e-guide-${stamp}`);
  await leaflets.getByLabel("チラシの名前").fill(leafletName);
  await leaflets.getByLabel("PDFファイル").setInputFiles({
    name: "guide.pdf",
    mimeType: "application/pdf",
    buffer: minimalPdf(leafletText),
  });
  await pressOn(leaflets.getByRole("button", { name: "チラシを登録" }));
  await slow(leaflets.getByRole("status")).toHaveText(
    `案内チラシ e2e-guide-${stamp} を登録しました（版 1、1ページ）`,
  );
  await leaflets
    .getByRole("checkbox", { name: new RegExp(`^${leafletName.replace(/[()（）]/g, ".")}`) })
    .check();
  await expect(
    editor.getByRole("group", { name: "条件1: 届出の種類" }).getByLabel("転出", { exact: true }),
  ).toBeChecked();
  await pressOn(editor.getByRole("button", { name: "世帯員の条件を追加" }));
  const added = editor.getByRole("group", { name: "条件2: 世帯員の条件" });
  await expect(added.getByLabel("条件2の種類")).toBeFocused();
  await added.getByLabel("年齢（以上）").fill("65");
  await expect(description).toHaveText("届出が転出で、異動する人に65歳以上の人がいる場合");
  await editor.getByLabel("次の条件のいずれかを満たす").check();
  await expect(description).toHaveText("届出が転出、または異動する人に65歳以上の人がいる場合");
  await pressOn(added.getByRole("button", { name: "条件2を削除" }));
  await expect(added).toHaveCount(0);
  await expect(description).toHaveText("届出が転出の場合");
  // The JSON view shows the same rule, and a broken one is refused in Japanese before saving.
  await editor.getByLabel("JSONで編集（入れ子の条件）").check();
  const json = editor.getByLabel("派生ルール（JSON）");
  await expect(json).toHaveValue(/"moveOut"/);
  await editor.getByLabel("条件を組み立てる").check();
  await expect(editor.getByRole("group", { name: "条件1: 届出の種類" })).toBeVisible();
  await expectNoSeriousViolations(page);

  await retype(editor.getByLabel("職員向けの案内"), newGuidance);
  await editor.getByLabel("変更理由").fill("転出届の案内を見直し");
  await pressOn(editor.getByRole("button", { name: "手続きを保存" }));
  await slow(editor.getByRole("group", { name: "保存", exact: true }).getByRole("status")).toHaveText(
    `版 ${base + 1} として保存しました`,
  );
  await expect(editor.getByTestId("base-version")).toHaveText(`版 ${base + 1} をもとに編集しています`);

  // A navigation question's text.
  await pressOn(page.getByRole("link", { name: "手続きカタログに戻る" }));
  await expect(page.getByRole("heading", { level: 1, name: "手続きカタログ" })).toBeFocused();
  await slow(page.getByTestId("current-version")).toHaveText(`版 ${base + 1}`);
  const questions = page.getByRole("table", { name: /質問の一覧/ });
  await pressOn(questions.getByRole("link", { name: question.label, exact: true }));
  await expect(page.getByRole("heading", { level: 1, name: `質問の編集: ${question.label}` })).toBeFocused();
  const questionForm = page.getByRole("form", { name: "質問の編集" });
  await retype(questionForm.getByLabel("質問文"), newQuestionText);
  await questionForm.getByLabel("変更理由").fill("質問文をわかりやすく");
  await pressOn(questionForm.getByRole("button", { name: "質問を保存" }));
  await slow(questionForm.getByRole("status")).toHaveText(`版 ${base + 2} として保存しました`);
  await expectNoSeriousViolations(page);

  // Two editors on the same version: the second save is refused, and reloading shows the first's.
  const other = await page.context().newPage();
  await other.goto(page.url());
  const otherForm = other.getByRole("form", { name: "質問の編集" });
  await slow(otherForm.getByTestId("base-version")).toHaveText(`版 ${base + 2} をもとに編集しています`);
  await retype(questionForm.getByLabel("補足（職員向け）"), `先に保存した補足（${stamp}）`);
  await pressOn(questionForm.getByRole("button", { name: "質問を保存" }));
  await slow(questionForm.getByRole("status")).toHaveText(`版 ${base + 3} として保存しました`);
  await retype(otherForm.getByLabel("補足（職員向け）"), "後から保存しようとした補足");
  await pressOn(otherForm.getByRole("button", { name: "質問を保存" }));
  await slow(otherForm.getByRole("alert").first()).toContainText(
    `手続きカタログは他の職員が更新しました (版 ${base + 3})。読み込み直してから変更してください`,
  );
  await pressOn(otherForm.getByRole("button", { name: "最新の版を読み込み直す" }));
  const reloaded = other.getByRole("form", { name: "質問の編集" });
  await slow(reloaded.getByTestId("base-version")).toHaveText(`版 ${base + 3} をもとに編集しています`);
  await expect(reloaded.getByLabel("補足（職員向け）")).toHaveValue(`先に保存した補足（${stamp}）`);
  await expect(reloaded.getByLabel("質問文")).toHaveValue(newQuestionText);
  await other.close();

  // The list and the history show the edits.
  await pressOn(page.getByRole("link", { name: "手続きカタログに戻る" }));
  await slow(page.getByTestId("current-version")).toHaveText(`版 ${base + 3}`);
  await expect(
    questions.getByRole("row").filter({ has: page.getByRole("link", { name: question.label, exact: true }) }),
  ).toContainText(newQuestionText);
  const history = page.getByRole("table", { name: /版の履歴/ });
  const latest = history
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: `版 ${base + 1}`, exact: true }) });
  await expect(latest).toContainText("転出届の案内を見直し");
  await expect(latest).toContainText("管理 一郎");

  // Export the current version; a file with an unknown counter is refused entry by entry; the file
  // as exported comes back as a new version.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "現在の版をファイルに書き出す" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`catalog-v${base + 3}.json`);
  const exported = JSON.parse(
    await readFile(must((await download.path()) ?? undefined, "download"), "utf-8"),
  );
  expect(exported).toMatchObject({ format: "ichimado-catalog", catalogVersion: base + 3 });
  const at = (exported.procedures as { key: string }[]).findIndex((p) => p.key === "move-out-notice");
  expect(exported.procedures[at].guidance).toBe(newGuidance);
  const broken = structuredClone(exported);
  broken.procedures[at].counterId = "nowhere";
  const importForm = page.getByRole("form", { name: "ファイルから取り込む" });
  const file = importForm.getByLabel("カタログのファイル");
  await file.setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(importForm.getByTestId("import-file")).toContainText(`版 ${base + 3} を書き出したファイル`);
  await pressOn(importForm.getByRole("button", { name: "取り込む" }));
  await slow(importForm.getByRole("alert")).toContainText("窓口 nowhere がありません");
  await file.setInputFiles({
    name: "catalog.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await pressOn(importForm.getByRole("button", { name: "取り込む" }));
  await slow(importForm.getByRole("status")).toHaveText(new RegExp(`^版 ${base + 4} として取り込みました`));
  await expect(page.getByTestId("current-version")).toHaveText(`版 ${base + 4}`);
  await pressOn(page.getByRole("button", { name: "ログアウト" }));
  await expect(page.getByRole("heading", { name: "ログイン" })).toBeVisible();

  // 市民課: a 転出 taken in a new case carries the new guidance.
  const pdfs = await collectPdfs(page);
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  await page
    .getByRole("navigation", { name: "窓口の主な画面" })
    .getByRole("link", { name: "宛名検索" })
    .click();
  await page.getByLabel("氏名・カナ").fill(hiragana(mover.nameKana));
  await page
    .getByLabel("生年月日")
    .fill(formatWareki(must(mover.birthDate ?? undefined, "birth date"), "short"));
  await page.getByLabel("生年月日").press("Enter");
  await page
    .getByRole("table", { name: /宛名の検索結果/ })
    .getByRole("link", { name: mover.name, exact: true })
    .click();
  await page.getByRole("button", { name: "対象者に追加", exact: true }).click();
  await expect(page.getByRole("button", { name: "対象者に追加", exact: true })).toHaveCount(0);
  await page
    .getByRole("navigation", { name: "窓口の主な画面" })
    .getByRole("link", { name: "対応一覧" })
    .click();
  await page.getByRole("button", { name: "新しい対応", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await region(page, "申請対象者")
    .getByRole("button", { name: `選択中の対象者 ${mover.name} を追加` })
    .click();
  await slow(region(page, "申請対象者").getByRole("status")).toHaveText(
    `${mover.name} を申請対象者に追加しました`,
  );
  const form = region(page, "届出 (住民異動届)").getByRole("form", { name: "届出の入力" });
  await expect(form.getByLabel("届出の種類")).toHaveValue("moveOut");
  await form.getByLabel("世帯", { exact: true }).selectOption(household);
  await form
    .getByRole("group", { name: "転出する人" })
    .getByRole("button", { name: "世帯全員を選ぶ" })
    .click();
  await form.getByLabel("転出先の住所").fill("島根県出雲市今市町70番地");
  await form.getByRole("button", { name: "届出を受け付ける" }).click();
  // Other parts of the section (navigation questions) may announce too: this one says 住民異動届.
  await slow(
    region(page, "届出 (住民異動届)").getByRole("status").filter({ hasText: "転出の届出を受け付けました" }),
  ).toBeVisible();
  const table = region(page, "手続き一覧").getByRole("table", {
    name: `転出の届出（世帯番号 ${household}）の手続き`,
  });
  const moveOutRow = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "転出届", exact: true }) });
  await pressOn(moveOutRow.getByRole("button", { name: /理由・案内/ }));
  await expect(table.getByText(newGuidance)).toBeVisible();

  // The leaflet is offered with the case's forms and prints on its own when only it is ticked.
  const documents = region(page, "書類の印刷");
  const leaflet = documents.getByRole("checkbox", { name: leafletName });
  await expect(leaflet).toBeChecked();
  for (const box of await documents.getByRole("group", { name: "印刷する様式" }).getByRole("checkbox").all())
    await box.uncheck();
  await pressOn(documents.getByRole("button", { name: "選択した書類を印刷（1 件）" }));
  expect(await nextPdf(pdfs, 1, /\/documents$/)).toContain(leafletText.replace(/\s+/g, ""));
});
