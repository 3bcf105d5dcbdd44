import { expect, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { bannedPersons, city, isPlainHead, must } from "./support/city.ts";
import { pressOn, region } from "./support/keyboard.ts";
import { collectPdfs, nextPdf } from "./support/pdf.ts";

const membersOf = (householdId: string | null) =>
  city.persons.filter((p) => p.householdId === householdId && p.status === "active" && p.kind === "resident");
// A plain two-or-more household from the middle of the register (other journeys use its ends).
const head = must(
  city.persons
    .slice(city.persons.length / 3)
    .find(
      (p) =>
        isPlainHead(p) &&
        membersOf(p.householdId).filter((m) => m.id !== p.id && !bannedPersons.has(m.id)).length > 0,
    ),
  "household of two",
);
const other = must(
  membersOf(head.householdId).find((m) => m.id !== head.id && !bannedPersons.has(m.id)),
  "second member",
);

test("a clerk takes a request for two people and four certificates, sees the total, prints the request form", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const pdfs = await collectPdfs(page, /\/api\/v1\/cases\/\d+\/certificate-requests\/\d+\/form\.pdf/);
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");

  // 証明受付 opens a case; the visitor (the head, for themselves) and the subject are recorded
  // through the API here (the reception journey drives those screens).
  await page.goto("/certificates");
  await expect(page.getByRole("cell", { name: "1通 300円" }).first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await pressOn(page.getByRole("button", { name: "新しい対応" }));
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const caseId = Number(/\/cases\/(\d+)$/.exec(page.url())?.[1]);
  const headers = { "x-requested-with": "ichimado" };
  const visitor = await page.request.put(`/api/v1/cases/${caseId}/visitor`, {
    headers,
    data: { personId: head.id, name: head.name, relation: "self" },
  });
  expect(visitor.status(), await visitor.text()).toBe(200);
  const subject = await page.request.post(`/api/v1/cases/${caseId}/subjects`, {
    headers,
    data: { personId: head.id },
  });
  expect(subject.status()).toBe(201);
  await page.reload();

  const section = region(page, "証明書の請求");
  const requester = section.getByRole("combobox", { name: "請求者と対象の方の関係" });
  await expect(requester).toHaveValue("self");
  // The head asks for the household's certificates: 同一世帯の方.
  await requester.selectOption("household");

  const form = section.getByRole("form", { name: "証明書の追加" });
  const add = async (
    personId: string,
    certificate: string,
    more: { quantity?: string; years?: string[]; options?: string[] } = {},
  ) => {
    await form.getByRole("combobox", { name: "対象の方" }).selectOption(personId);
    await form.getByRole("combobox", { name: "証明書の種類" }).selectOption({ label: certificate });
    for (const option of more.options ?? []) await form.getByRole("checkbox", { name: option }).check();
    for (const year of more.years ?? []) await form.getByRole("checkbox", { name: year }).check();
    await form.getByRole("textbox", { name: "通数" }).fill(more.quantity ?? "1");
    await form.getByRole("combobox", { name: "使用目的" }).selectOption({ label: "就職・勤務先への提出" });
    await pressOn(form.getByRole("button", { name: "この証明書を追加" }));
  };

  // A line the form itself refuses: no 年度 for a 所得証明.
  await add(head.id, "所得証明書");
  await expect(form.getByRole("alert")).toContainText("年度を選んでください");

  await add(head.id, "住民票の写し", { quantity: "2", options: ["世帯主の氏名", "続柄"] });
  await add(head.id, "所得証明書", { years: ["令和7年度（2025年度）", "令和6年度（2024年度）"] });
  await add(other.id, "住民票の写し");
  await add(other.id, "課税（非課税）証明書", { years: ["令和7年度（2025年度）"] });
  // The 印鑑登録証明書 needs the 登録者 or a proxy with the card: the server's quote blocks the line.
  await add(other.id, "印鑑登録証明書");

  const lines = section.getByRole("table", { name: "請求する証明書" });
  await expect(lines.locator("tbody")).toHaveCount(5);
  await expect(lines.locator('tbody[data-line="4"]')).toContainText(
    "受付できません: 印鑑登録証明書は同一世帯の方からは請求できません",
  );
  await expect(lines.locator('tbody[data-line="1"]')).toContainText("(300円 × 2件 = 600円) × 1通 = 600円");
  await pressOn(lines.getByRole("button", { name: "5件目を削除" }));
  await expect(lines.locator("tbody")).toHaveCount(4);
  const total = section.getByRole("status").filter({ hasText: "手数料の合計" });
  await expect(total).toHaveText("手数料の合計: 1,800円");
  await expectNoSeriousViolations(page);
  // A line changed in place: the second person's 住民票, two copies.
  await pressOn(lines.getByRole("button", { name: "3件目を変更" }));
  const change = section.getByRole("form", { name: "3件目の変更" });
  await expect(change.getByRole("combobox", { name: "対象の方" })).toHaveValue(other.id);
  await change.getByRole("textbox", { name: "通数" }).fill("2");
  await pressOn(change.getByRole("button", { name: "変更を反映" }));
  await expect(lines.locator('tbody[data-line="2"]')).toContainText("2通");
  await expect(total).toHaveText("手数料の合計: 2,100円");

  // 発行上の指示 from a phrase, then accepted into the case.
  await pressOn(section.getByRole("button", { name: "本人確認済み" }));
  await expect(section.getByRole("textbox", { name: "発行上の指示" })).toHaveValue("本人確認済み");
  await pressOn(section.getByRole("button", { name: "請求を受け付ける" }));
  await expect(section.getByText("請求を受け付けました（手数料 2,100円）")).toBeVisible();
  await expect(section.getByRole("table", { name: "請求する証明書" })).toHaveCount(0);

  const accepted = section.getByRole("region", { name: "受け付けた請求" });
  await expect(accepted.getByRole("listitem").first()).toContainText(
    "請求 1（同一世帯の方）: 手数料 2,100円",
  );
  await expect(accepted).toContainText("発行上の指示: 本人確認済み");
  await pressOn(accepted.getByRole("button", { name: "証明書交付請求書を印刷" }));
  const text = await nextPdf(
    pdfs,
    1,
    new RegExp(`^/api/v1/cases/${caseId}/certificate-requests/\\d+/form\\.pdf$`),
  );
  for (const expected of [
    "証明書交付請求書",
    `対象の方：${head.name}`,
    `対象の方：${other.name}`,
    "住民票の写し2通",
    "所得証明書2025・2024年度1通",
    "課税（非課税）証明書2025年度1通",
    "手数料の合計：2,100円",
    "請求者署名",
  ])
    expect(text).toContain(expected.replace(/\s+/g, ""));
  expect(text).not.toContain("本人確認済み");
  await expect(
    section.getByRole("heading", { name: "印刷プレビュー: 証明書交付請求書（請求 1）" }),
  ).toBeFocused();

  // Each certificate's procedure is in the case, so the 手続き案内書 says where it is issued.
  const procedures = region(page, "手続き一覧");
  for (const name of ["住民票の写し", "所得証明書", "課税（非課税）証明書"])
    await expect(procedures.getByRole("table")).toContainText(name);
  // Each certificate a robot issues is waiting for one, with nobody handing it over.
  const jobs = region(page, "基幹システムへの入力").getByRole("table");
  await expect(jobs.getByRole("row")).toHaveCount(5);
  await expect(jobs.getByRole("row", { name: /住民票発行/ })).toHaveCount(2);
  await expect(jobs.getByRole("row", { name: /所得・課税証明書発行/ })).toHaveCount(2);
  await expect(jobs.getByText("待機中")).toHaveCount(4);
  // The case's history and print history have it.
  await expect(region(page, "対応履歴")).toContainText("証明書交付請求 4件 6通（手数料 2,100円）");
  await expect(region(page, "書類の印刷").getByRole("table", { name: "印刷履歴" })).toContainText(
    "証明書交付請求書",
  );
});
