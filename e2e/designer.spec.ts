import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { collectPdfs, minimalPdf, nextPdf } from "./support/pdf.ts";

const key = `e2e-dog-${Date.now().toString(36)}`;
const name = "畜犬登録申請書（試験）";
const panel = (page: Page) => page.getByRole("region", { name: /^項目:/ });

/** Non-white pixels on the drawn page: the base PDF's text is there under the fields. */
const inkOnCanvas = (page: Page) =>
  page.getByRole("img", { name: "元のPDF 1ページ目" }).evaluate((element) => {
    // The e2e project has no DOM types; this runs in the page, on the canvas.
    const canvas = element as unknown as {
      width: number;
      height: number;
      getContext(
        kind: "2d",
      ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
    };
    const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) ink++;
    return ink;
  });

test("an administrator uploads a paper form, places fields by mouse and keyboard, previews and saves versions", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const pdfs = await collectPdfs(page, /\/api\/v1\/admin\/documents\/templates\/preview/);
  await logIn(page, "admin");
  await chooseCounterIfAsked(page, "情報政策課");
  await page.goto("/admin/catalog");
  await page.getByRole("link", { name: /帳票様式/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "帳票様式" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "住民異動届" })).toBeVisible();
  await expectNoSeriousViolations(page);

  // A key that is not one is refused before anything is uploaded.
  const form = page.getByRole("region", { name: "新しい様式" });
  await form.getByLabel("様式キー").fill("犬");
  await form.getByLabel("様式名").fill(name);
  await form.getByLabel("元のPDF").setInputFiles({
    name: "dog.pdf",
    mimeType: "application/pdf",
    buffer: minimalPdf("DOG REGISTRATION FORM - PAPER ORIGINAL"),
  });
  await form.getByRole("button", { name: "PDFを登録" }).click();
  await expect(form.getByText("様式キーは英小文字・数字・ハイフンで入力してください")).toBeVisible();
  await form.getByLabel("様式キー").fill(key);
  await form.getByRole("button", { name: "PDFを登録" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `新しい様式: ${name}` })).toBeVisible();
  await expect.poll(() => inkOnCanvas(page), { timeout: 15_000 }).toBeGreaterThan(100);
  await page.getByRole("button", { name: "項目を追加" }).click();
  await panel(page).getByLabel("表示名").fill("氏名欄");
  await panel(page).getByLabel("印字するデータ").selectOption({ label: "対象者の氏名" });
  await panel(page).getByLabel("書体").selectOption("name");
  await expectNoSeriousViolations(page);

  // Dragged 30 mm right and 10 mm down (3.2 px per mm), snapped to half millimetres.
  const box = page.getByRole("button", { name: /^氏名欄（対象者の氏名）/ });
  const at = await box.boundingBox();
  if (!at) throw new Error("the field is not drawn");
  await page.mouse.move(at.x + 10, at.y + 5);
  await page.mouse.down();
  await page.mouse.move(at.x + 10 + 48, at.y + 5 + 16, { steps: 4 });
  await page.mouse.move(at.x + 10 + 96, at.y + 5 + 32, { steps: 4 });
  await page.mouse.up();
  await expect(panel(page).getByLabel("左端から (mm)")).toHaveValue("50");
  await expect(panel(page).getByLabel("上端から (mm)")).toHaveValue("30");
  // The arrow keys move it by half a millimetre; with Alt they size it.
  await box.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Alt+ArrowRight");
  await expect(panel(page).getByLabel("上端から (mm)")).toHaveValue("31");
  await expect(panel(page).getByLabel("幅 (mm)")).toHaveValue("60.5");

  await page.getByRole("button", { name: "項目を追加" }).click();
  await panel(page).getByLabel("印字するデータ").selectOption({ label: "固定文字" });
  await panel(page).getByLabel("固定文字").fill("いちまど見本");
  await panel(page).getByLabel("上端から (mm)").fill("60");
  // A name that is not one is refused with the field's own message, and nothing is saved.
  await panel(page).getByLabel("項目名（英字）").fill("1番");
  await page.getByRole("button", { name: "新しい版として保存" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "保存できません" })).toContainText(
    "項目名は英字で始まる英数字・_ (40文字以内) で入力してください",
  );
  await panel(page).getByLabel("項目名（英字）").fill("stamp");

  await page.getByRole("button", { name: "見本を表示" }).click();
  await expect(page.locator(`iframe[title="見本: ${name}"]`)).toBeVisible();
  const preview = await nextPdf(pdfs, 1, /preview/);
  expect(preview).toContain("いちまど見本");
  expect(preview).toContain("見本花子");

  await page.getByRole("button", { name: "新しい版として保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "版 1 として保存しました" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `様式の編集: ${name}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "項目" }).getByRole("button")).toHaveText(["氏名欄", "stamp"]);

  // A second version: the field moved again, then both versions listed with the newest first.
  await page.getByRole("button", { name: "氏名欄", exact: true }).click();
  await panel(page).getByLabel("左端から (mm)").fill("70");
  await page.getByRole("button", { name: "新しい版として保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "版 2 として保存しました" })).toBeVisible();
  await page.getByRole("link", { name: "様式の一覧に戻る" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  await expect(row.getByRole("cell").nth(0)).toHaveText(key);
  await expect(row.getByRole("cell").nth(1)).toHaveText("2");
  await expect(row.getByRole("cell").nth(3)).toHaveText("2");
  const saved = await page.request.get("/api/v1/admin/documents/templates");
  const versions = (
    (await saved.json()) as {
      templates: { key: string; version: number; fields: { x: number; y: number; font: string }[] }[];
    }
  ).templates.filter((t) => t.key === key);
  expect(versions.map((v) => v.version)).toEqual([2, 1]);
  expect(versions[1]?.fields[0]).toMatchObject({ x: 50, y: 31, font: "name" });
  expect(versions[0]?.fields[0]).toMatchObject({ x: 70, y: 31 });
});
