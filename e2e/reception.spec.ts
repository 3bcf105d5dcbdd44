import { formatWareki } from "@ichimado/core/common/wareki";
import type { PersonRecord } from "@ichimado/core/registry/records";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { bannedPersons, city, isPlainHead, must } from "./support/city.ts";
import { hiragana, pressOn, region } from "./support/keyboard.ts";

// The server's clock, not the generated city's as-of date, decides which enrollments are in force.
const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
const activeMembers = (householdId: string | null) =>
  city.persons.filter((p) => p.householdId === householdId && p.status === "active" && p.kind === "resident");
const inNhi = new Set(
  city.enrollments
    .filter(
      (e) =>
        e.programme === "nationalHealthInsurance" &&
        e.fromDate <= today &&
        (e.toDate === null || e.toDate >= today),
    )
    .map((e) => e.personId),
);
/** Heads of small, plain households: nothing masked, nobody barred, no residence card. */
const heads = city.persons.filter((p) => {
  const members = activeMembers(p.householdId);
  return (
    isPlainHead(p) &&
    members.length >= 2 &&
    members.length <= 3 &&
    members.every((m) => !bannedPersons.has(m.id) && !m.nationality)
  );
});
// Away from the start and the end of the register, where the other journeys pick their people.
const visitor = must(
  heads.slice(20).find((p) => activeMembers(p.householdId).some((m) => inNhi.has(m.id))),
  "household in 国保",
);
const other = must(
  heads.slice(40).find((p) => p.householdId !== visitor.householdId && p.name !== visitor.name),
  "second household",
);
const nhiMember = must(
  activeMembers(visitor.householdId).find((m) => inNhi.has(m.id)),
  "国保 member",
);
const householdOf = (p: PersonRecord) => must(p.householdId ?? undefined, "household");

const quickLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "窓口の主な画面" }).getByRole("link", { name, exact: true });

/** Types into a field after focusing it. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.page().keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/** A closed select changes with the arrow keys, one option at a time. */
async function chooseByKeys(select: Locator, value: string): Promise<void> {
  await select.focus();
  const values = await select
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
  const steps = values.indexOf(value) - values.indexOf(await select.inputValue());
  expect(values).toContain(value);
  for (let i = 0; i < Math.abs(steps); i++) {
    await select.page().keyboard.press(steps > 0 ? "ArrowDown" : "ArrowUp");
  }
  await expect(select).toHaveValue(value);
}

/** Search by reading (hiragana) and 和暦 birth date, open the person, and pick them. */
async function pickPerson(page: Page, person: PersonRecord, as: ("来庁者にする" | "対象者に追加")[]) {
  await pressOn(quickLink(page, "宛名検索"));
  await expect(page.getByLabel("氏名・カナ")).toBeFocused();
  await page.keyboard.type(hiragana(person.nameKana));
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("生年月日")).toBeFocused();
  await page.keyboard.type(formatWareki(must(person.birthDate ?? undefined, "birth date"), "short"));
  await page.keyboard.press("Enter");
  const link = page
    .getByRole("table", { name: /宛名の検索結果/ })
    .getByRole("link", { name: person.name, exact: true });
  await expect(link).toHaveCount(1);
  await pressOn(link);
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeFocused();
  for (const button of as) {
    await pressOn(page.getByRole("button", { name: button, exact: true }));
    await expect(page.getByRole("button", { name: button, exact: true })).toHaveCount(0);
  }
}

/** Settled count of the procedure list, from 「N 件中 M 件済」. */
async function settledCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("procedure-count").textContent()) ?? "";
  return Number(/件中 (\d+) 件済/.exec(text)?.[1] ?? Number.NaN);
}

const unsettled = new Set(["notStarted", "printed"]);

/** Chooses a status for the procedure in `row` and sets it with the row's 変更 button (Tab, Enter). */
async function setStatus(page: Page, row: Locator, status: string): Promise<void> {
  const select = row.getByRole("combobox", { name: /の状態$/ });
  await chooseByKeys(select, status);
  await page.keyboard.press("Tab");
  await expect(row.getByRole("button", { name: /の状態を変更$/ })).toBeFocused();
  await page.keyboard.press("Enter");
}

test("a case is taken at 市民課, left, resumed at 保険年金課 and completed", async ({ page }) => {
  test.setTimeout(180_000);
  const visitorHousehold = householdOf(visitor);
  const otherHousehold = householdOf(other);

  // 市民課: the visitor and a second subject from another household, chosen in search.
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  await pickPerson(page, visitor, ["来庁者にする", "対象者に追加"]);
  await pickPerson(page, other, ["対象者に追加"]);

  await pressOn(quickLink(page, "対応一覧"));
  await expect(page.getByRole("heading", { level: 1, name: "対応一覧" })).toBeFocused();
  await expect(page.getByRole("radio", { name: "来庁" })).toBeChecked();
  await pressOn(page.getByRole("button", { name: "新しい対応", exact: true }));
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const caseId = must(/\/cases\/(\d+)$/.exec(page.url())?.[1], "case id");
  await expect(page.getByRole("heading", { level: 1, name: `対応 受付番号 ${caseId}` })).toBeFocused();

  // 来庁者: from the tray, as 本人.
  const visitorSection = region(page, "来庁者");
  await pressOn(visitorSection.getByRole("button", { name: `選択中の来庁者 ${visitor.name} を使う` }));
  const relation = visitorSection.getByLabel("申請対象者との関係");
  await expect(relation).toBeFocused();
  await expect(relation).toHaveValue("self");
  await expect(visitorSection.getByLabel("氏名", { exact: true })).toHaveValue(visitor.name);
  await pressOn(visitorSection.getByRole("button", { name: "来庁者を保存" }));
  await expect(visitorSection.getByRole("status")).toHaveText("来庁者を保存しました");
  await expect(visitorSection.getByRole("link", { name: `宛名番号 ${visitor.id}` })).toBeVisible();
  await expect(visitorSection.getByRole("table", { name: "住民記録と異なる項目" })).toHaveCount(0);

  // 本人確認: one photo ID.
  const identity = region(page, "本人確認");
  await pressOn(identity.getByRole("checkbox", { name: "運転免許証" }), "Space");
  await expect(identity.getByRole("checkbox", { name: "運転免許証" })).toBeChecked();
  await pressOn(identity.getByRole("button", { name: "本人確認を保存" }));
  await expect(identity.getByTestId("identity-verdict")).toHaveText(/顔写真付きの書類で本人確認できました/);

  // 申請対象者: the visitor and the person from the other household.
  const subjects = region(page, "申請対象者");
  await pressOn(subjects.getByRole("button", { name: `来庁者 ${visitor.name} を追加` }));
  await expect(subjects.getByRole("heading", { name: "申請対象者", exact: true })).toBeFocused();
  await pressOn(subjects.getByRole("button", { name: `選択中の対象者 ${other.name} を追加` }));
  await expect(subjects.getByRole("status")).toHaveText(`${other.name} を申請対象者に追加しました`);
  const subjectTable = subjects.getByRole("table", { name: "申請対象者" });
  for (const person of [visitor, other]) {
    await expect(subjectTable.getByRole("link", { name: person.name, exact: true })).toHaveAttribute(
      "href",
      `/persons/${person.id}`,
    );
  }

  // The rest of each subject's household is one key press from being a subject too.
  const candidates = subjects.getByRole("region", { name: `世帯番号 ${visitorHousehold}` });
  const stayingMember = activeMembers(visitorHousehold).find((m) => m.id !== visitor.id);
  if (stayingMember) {
    await expect(
      candidates.getByRole("button", {
        name: new RegExp(`^世帯員 ${stayingMember.name.replace(/\s/gu, "\\s")}`),
      }),
    ).toBeVisible();
  }

  // 届出: a 転出 for each household, everyone moving, to an address outside the city.
  const residenceChanges = region(page, "届出 (住民異動届)");
  for (const [household, destination] of [
    [visitorHousehold, "島根県松江市殿町1番地"],
    [otherHousehold, "鳥取県米子市加茂町2丁目180番地"],
  ] as const) {
    const form = residenceChanges.getByRole("form", { name: "届出の入力" });
    await expect(form.getByLabel("届出の種類")).toHaveValue("moveOut");
    await chooseByKeys(form.getByLabel("世帯", { exact: true }), household);
    const members = form.getByRole("group", { name: "転出する人" });
    await expect(members.getByRole("checkbox")).toHaveCount(activeMembers(household).length);
    await pressOn(members.getByRole("button", { name: "世帯全員を選ぶ" }));
    for (const box of await members.getByRole("checkbox").all()) await expect(box).toBeChecked();
    await expect(form.getByLabel("転出予定日")).toHaveValue(today);
    const destinationField = form.getByLabel("転出先の住所");
    if (household === visitorHousehold) {
      // Without a destination the server refuses, and its words stand beside the field, which has focus.
      await pressOn(form.getByRole("button", { name: "届出を受け付ける" }));
      await expect(destinationField).toBeFocused();
      await expect(destinationField).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByText("転出先の住所を入力してください")).toHaveCount(2);
    }
    await typeInto(destinationField, destination);
    await pressOn(form.getByRole("button", { name: "届出を受け付ける" }));
    await expect(
      residenceChanges.getByRole("status").filter({ hasText: /^転出の届出を受け付けました。手続き \d+ 件/ }),
    ).toHaveCount(1);
    await expect(residenceChanges.getByRole("heading", { name: "届出 (住民異動届)" })).toBeFocused();
    await expect(
      residenceChanges.getByRole("heading", { name: `転出の届出（世帯番号 ${household}）` }),
    ).toBeVisible();
  }

  // 確認事項: the catalog's questions for the 住民異動届; the answers are saved with the case.
  const card = residenceChanges.getByRole("article", { name: `転出の届出（世帯番号 ${visitorHousehold}）` });
  const navigation = card.getByRole("region", { name: /^確認事項/ });
  const question = navigation.getByRole("combobox").first();
  await chooseByKeys(question, "no");
  await pressOn(navigation.getByRole("button", { name: "確認事項の回答を保存" }));
  await expect(navigation.getByRole("status")).toContainText("回答を保存しました");
  await expect(question).toHaveValue("no");
  await expect(navigation.getByRole("heading")).toContainText(/（[1-9]\d*\/\d+ 回答済）/);

  // 手続き一覧: each household's 転出届, and 国保 referred to 保険年金課.
  const procedures = region(page, "手続き一覧");
  const tableOf = (household: string) =>
    procedures.getByRole("table", { name: `転出の届出（世帯番号 ${household}）の手続き` });
  for (const household of [visitorHousehold, otherHousehold]) {
    await expect(tableOf(household).getByRole("rowheader", { name: "転出届" })).toHaveCount(1);
  }
  const nhiRow = tableOf(visitorHousehold)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "国民健康保険 資格喪失届" }) })
    .filter({ hasText: nhiMember.name });
  await expect(nhiRow).toContainText("保険年金課へ案内");
  // The reasons and guidance open below the row.
  const details = nhiRow.getByRole("button", { name: /^▸?理由・案内/ });
  await expect(details).toHaveAttribute("aria-expanded", "false");
  await pressOn(details);
  await expect(details).toHaveAttribute("aria-expanded", "true");
  await expect(procedures.getByText("国民健康保険法第8条・第9条第1項").filter({ visible: true })).toHaveCount(
    1,
  );
  // 市民課 may not take a 国保 application: the server says so beside the status.
  await setStatus(page, nhiRow, "received");
  await expect(nhiRow.getByRole("alert")).toHaveText(
    "この窓口では「国民健康保険 資格喪失届」を受付済にできません (受付権限がありません)",
  );
  await expect(nhiRow.getByRole("combobox", { name: /の状態$/ })).toHaveValue("notStarted");

  // メモ, an accessibility scan of the full screen, then 保留 back to the list.
  const memo = region(page, "メモ");
  await typeInto(memo.getByLabel("メモ", { exact: true }), "国保の資格喪失は保険年金課で受付予定");
  await page.keyboard.press("Tab");
  await expect(memo.getByRole("button", { name: "メモを保存" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(memo.getByRole("status")).toHaveText("メモを保存しました");
  await expect(memo.getByRole("list", { name: "記入されたメモ" })).toContainText("市民 花子（市民課）");
  await expectNoSeriousViolations(page);

  await pressOn(page.getByRole("button", { name: "保留 (一覧に戻る)" }));
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole("status").filter({ hasText: "保留" })).toHaveText(
    `受付番号 ${caseId} の対応を保留にしました`,
  );
  await pressOn(page.getByRole("button", { name: "ログアウト" }));
  await expect(page.getByRole("heading", { name: "ログイン" })).toBeVisible();

  // 保険年金課: another staff member finds the case among every counter's suspended ones.
  await logIn(page, "hoken01");
  await chooseCounterIfAsked(page, "保険年金課");
  await pressOn(quickLink(page, "対応一覧"));
  // The list puts focus on its heading when it opens; keys pressed before that would land there.
  await expect(page.getByRole("heading", { level: 1, name: "対応一覧" })).toBeFocused();
  const filter = page.getByRole("form", { name: "対応の絞り込み" });
  await chooseByKeys(filter.getByLabel("状態"), "suspended");
  await pressOn(filter.getByRole("radio", { name: "自分の窓口" }), "ArrowRight");
  await expect(filter.getByRole("radio", { name: "全窓口" })).toBeChecked();
  await pressOn(filter.getByRole("button", { name: "表示" }));
  await expect(page).toHaveURL(/status=suspended/);
  const caseLink = page.getByRole("link", { name: `受付番号 ${caseId}`, exact: true });
  const listRow = page.getByRole("row").filter({ has: caseLink });
  await expect(listRow).toContainText("保留中");
  await expect(listRow).toContainText(visitor.name);
  await expect(listRow).toContainText(other.name);
  await expect(listRow).toContainText("市民 花子");
  await pressOn(caseLink);
  await expect(page.getByRole("heading", { level: 1, name: `対応 受付番号 ${caseId}` })).toBeFocused();
  await expect(region(page, "メモ").getByRole("textbox")).toHaveCount(0);

  await pressOn(page.getByRole("button", { name: "再開" }));
  await expect(page.getByRole("heading", { level: 1, name: `対応 受付番号 ${caseId}` })).toBeFocused();
  await expect(page.getByRole("region", { name: "対応の操作" }).getByRole("status")).toHaveText(
    "対応を再開しました。入力できます",
  );

  // Here 国保 is taken at this counter.
  await expect(nhiRow).toContainText("ここで受付");
  let settled = await settledCount(page);
  await setStatus(page, nhiRow, "received");
  await expect.poll(() => settledCount(page)).toBe(settled + 1);
  await expect(nhiRow.getByRole("combobox", { name: /の状態$/ })).toHaveValue("received");
  await expect(nhiRow).toContainText("保険 太郎（保険年金課）");

  // A procedure added by hand, found in the catalog by typing part of its name.
  const addForm = procedures.getByRole("form", { name: "手続きの追加" });
  await addForm.getByRole("combobox", { name: "追加する手続き" }).focus();
  await page.keyboard.type("年金受給");
  await expect(page.getByRole("option", { name: /^年金受給権者死亡届/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(addForm.getByRole("combobox", { name: "追加する手続き" })).toHaveValue("年金受給権者死亡届");
  await pressOn(addForm.getByRole("button", { name: "手続きを追加" }));
  await expect(procedures.getByRole("status")).toHaveText("手続き「年金受給権者死亡届」を追加しました");
  await expect(
    procedures
      .getByRole("table", { name: "届出によらない手続き" })
      .getByRole("rowheader", { name: /年金受給権者死亡届/ }),
  ).toBeVisible();

  // Not yet: other procedures are still open.
  const actions = page.getByRole("region", { name: "対応の操作" });
  await pressOn(actions.getByRole("button", { name: "完了" }));
  await expect(actions.getByRole("alert")).toContainText("未着手または印刷のみの手続きが");

  // Every remaining one: referred to its counter, or not needed.
  const selects = procedures.getByRole("combobox", { name: /の状態$/ });
  for (;;) {
    const values = await selects.evaluateAll((all) =>
      all.map((s) => (s as unknown as { value: string }).value),
    );
    const index = values.findIndex((v) => unsettled.has(v));
    if (index < 0) break;
    const row = selects.nth(index).locator("xpath=ancestor::tr[1]");
    const referred = ((await row.textContent()) ?? "").includes("へ案内");
    settled = await settledCount(page);
    await setStatus(page, row, referred ? "referred" : "notNeeded");
    await expect.poll(() => settledCount(page)).toBe(settled + 1);
  }

  await pressOn(actions.getByRole("button", { name: "完了" }));
  await expect(page.getByRole("heading", { level: 1, name: `対応 受付番号 ${caseId}` })).toBeFocused();
  await expect(page.locator("[data-case-status]")).toHaveText("完了");
  // After the visit the back office moves its own procedures on (受付済 → 審査済 → 完了); the rest
  // of the case no longer changes.
  await expect(procedures.getByRole("combobox")).toHaveCount(
    await procedures.getByText("ここで受付").count(),
  );
  await setStatus(page, nhiRow, "reviewed");
  await expect(nhiRow.getByRole("combobox", { name: /の状態$/ })).toHaveValue("reviewed");
  await expect(page.getByRole("region", { name: "手続き一覧" }).getByRole("status").first()).toContainText(
    "審査済",
  );

  // The history names both staff members and both counters.
  const history = region(page, "対応履歴").getByRole("table", { name: "対応履歴" });
  for (const text of ["市民 花子", "保険 太郎", "市民課", "保険年金課"]) {
    await expect(history.getByRole("cell", { name: text, exact: true }).first()).toBeVisible();
  }
  await expect(history).toContainText("対応を保留 (後で再開)");
  await expect(history).toContainText("対応を再開");
  await expect(history).toContainText("対応を完了");
  await expect(history).toContainText("受付済 → 審査済");
  await expectNoSeriousViolations(page);
});
