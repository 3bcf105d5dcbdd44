import { addDays } from "../common/dates.ts";
import {
  type ResidenceChangeInput,
  type ResidenceChangeType,
  residenceChangeTypeLabels,
} from "./residence-change.ts";

/** The household 住民異動届 is about, as the register has it. */
export interface HouseholdSnapshot {
  id: string;
  headPersonId: string;
  /** active members only */
  memberIds: string[];
}

export interface ResidenceChangeIssue {
  path: string;
  message: string;
}

/** 転出 may be notified up to 14 days before the planned move (住民基本台帳法 24条, 施行令). */
const moveOutLeadDays = 14;

const movesPeople: ReadonlySet<ResidenceChangeType> = new Set([
  "moveOut",
  "moveWithin",
  "householdSplit",
  "householdMerge",
  "householdRecompose",
  "death",
]);
const needsCityAddress: ReadonlySet<ResidenceChangeType> = new Set(["moveIn", "moveWithin"]);

/**
 * What is wrong with the 住民異動届, in Japanese, one issue per field. Empty means it can be taken.
 * Pure: the caller supplies the register's view of the households and today's date in Japan.
 */
export function validateResidenceChange(
  input: ResidenceChangeInput,
  household: HouseholdSnapshot | null,
  targetHousehold: HouseholdSnapshot | null,
  today: string,
): ResidenceChangeIssue[] {
  const issues: ResidenceChangeIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const label = residenceChangeTypeLabels[input.kind];

  const latest = input.kind === "moveOut" ? addDays(today, moveOutLeadDays) : today;
  if (input.occurredOn > latest) {
    add(
      "occurredOn",
      input.kind === "moveOut"
        ? `転出予定日は届出日から${moveOutLeadDays}日以内の日付にしてください`
        : `${label}の日が未来の日付になっています`,
    );
  }

  if (input.kind !== "moveIn" && input.kind !== "exOfficio" && household === null) {
    add("householdId", "対象の世帯を選んでください");
  }
  if (household) {
    const members = new Set(household.memberIds);
    for (const id of input.movingPersonIds) {
      if (!members.has(id)) add("movingPersonIds", `宛名番号 ${id} はこの世帯の世帯員ではありません`);
    }
  }
  if (movesPeople.has(input.kind) && input.movingPersonIds.length === 0) {
    add("movingPersonIds", `${label}する人を選んでください`);
  }
  if (input.kind === "death" && input.movingPersonIds.length > 1) {
    add("movingPersonIds", "死亡届は1人ずつ受け付けてください");
  }
  if (needsCityAddress.has(input.kind) && input.newAddress === null) {
    add("newAddress", `${label}先の住所を入力してください`);
  }
  if (input.kind === "householdSplit" && input.newAddress === null) {
    add("newAddress", "分離後の住所を入力してください (同じ住所でも入力します)");
  }
  if (input.kind === "moveOut" && input.outsideAddress === null) {
    add("outsideAddress", "転出先の住所を入力してください");
  }
  if (input.kind === "moveIn") checkMoveIn(input, add);
  if (input.kind === "birth" && input.newPersons.length === 0) {
    add("newPersons", "生まれた子の氏名・生年月日・性別を入力してください");
  }
  if (input.kind === "householdMerge") {
    if (input.targetHouseholdId === null) add("targetHouseholdId", "合併先の世帯を選んでください");
    else if (input.targetHouseholdId === input.householdId) {
      add("targetHouseholdId", "合併先は別の世帯を選んでください");
    } else if (targetHousehold === null) {
      add("targetHouseholdId", "合併先の世帯が見つかりません");
    }
  }
  if (household) checkHead(input, household, add);
  return issues;
}

function checkMoveIn(input: ResidenceChangeInput, add: (path: string, message: string) => void): void {
  if (input.newPersons.length === 0 && input.movingPersonIds.length === 0) {
    add("newPersons", "転入する人を入力してください");
  }
  if (input.origin === null) add("origin", "転入の区分 (他市区町村から・国外から) を選んでください");
  if (input.outsideAddress === null) add("outsideAddress", "転入前の住所を入力してください");
  if (input.origin === "otherMunicipality" && input.moveOutCertificate === null) {
    add(
      "moveOutCertificate",
      "転出証明書の内容を入力してください (マイナンバーカードによる特例転入はその旨を選びます)",
    );
  }
}

/** A household never loses its head without a new one: who heads it after the change must be clear. */
function checkHead(
  input: ResidenceChangeInput,
  household: HouseholdSnapshot,
  add: (path: string, message: string) => void,
): void {
  const moving = new Set(input.movingPersonIds);
  const remaining = household.memberIds.filter((id) => !moving.has(id));
  if (input.kind === "headChange") {
    if (input.newHeadId === null) add("newHeadId", "新しい世帯主を選んでください");
    else if (input.newHeadId === household.headPersonId) add("newHeadId", "現在の世帯主と同じ人です");
    else if (!household.memberIds.includes(input.newHeadId)) {
      add("newHeadId", "新しい世帯主はこの世帯の世帯員から選んでください");
    }
    return;
  }
  const headLeaves = moving.has(household.headPersonId);
  if (headLeaves && remaining.length >= 2) {
    if (input.newHeadId === null) {
      add("newHeadId", "世帯主が抜けた後の世帯に2人以上残ります。新しい世帯主を選んでください");
    } else if (!remaining.includes(input.newHeadId)) {
      add("newHeadId", "新しい世帯主は世帯に残る人から選んでください");
    }
  } else if (input.newHeadId !== null && !(headLeaves && remaining.includes(input.newHeadId))) {
    add("newHeadId", "新しい世帯主は、世帯主が抜ける世帯に残る人から選びます");
  }
  if (input.kind === "householdSplit" && input.movingPersonIds.length >= 2) {
    if (input.newHouseholdHeadId === null) {
      add("newHouseholdHeadId", "分離してできる世帯の世帯主を選んでください");
    } else if (!moving.has(input.newHouseholdHeadId)) {
      add("newHouseholdHeadId", "分離してできる世帯の世帯主は、分離する人から選んでください");
    }
  }
}
