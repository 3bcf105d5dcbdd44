import { describe, expect, it } from "vitest";
import {
  type AddressValue,
  addressOwners,
  answerText,
  bindFields,
  type DocumentData,
  maskedAddressText,
  personsOn,
} from "./bind.ts";
import { type TemplateField, templateFieldSchema } from "./template.ts";

const field = (name: string, source: string, extra: Partial<TemplateField> = {}): TemplateField =>
  templateFieldSchema.parse({
    name,
    page: 1,
    x: 10,
    y: 10,
    width: 50,
    height: 8,
    font: "name",
    size: 11,
    source,
    ...extra,
  });

const shown = (text: string, ownerId: string | null = null): AddressValue => ({
  text,
  masked: false,
  ownerId,
});
const hidden = (ownerId: string): AddressValue => ({ text: null, masked: true, ownerId });

const data: DocumentData = {
  today: "2026-10-01",
  caseId: 42,
  person: {
    id: "0000000001",
    // U+FA10 (塚) and an IVS must come out exactly as stored, never normalised.
    name: "\uFA10本　葛\u{E0102}子",
    nameKana: "ツカモト　カツコ",
    birthDate: "1989-01-08",
    sex: "female",
    address: shown("出雲市今市町1-2-3", "0000000001"),
    householdHeadId: "0000000002",
    householdHeadName: "塚本　一郎",
    relationship: "妻",
  },
  visitor: {
    id: "0000000002",
    name: "塚本　一郎",
    nameKana: "ツカモト　イチロウ",
    birthDate: "1985-05-01",
    sex: "male",
    address: hidden("0000000002"),
    householdHeadId: null,
    householdHeadName: null,
    relationship: "世帯主",
    phone: "0853-11-2222",
    relation: "household",
  },
  residenceChange: {
    kind: "moveWithin",
    occurredOn: "2019-05-01",
    movingMembers: ["塚本　一郎", "\uFA10本　葛\u{E0102}子"],
    movingMemberIds: ["0000000002", "0000000001"],
    newAddress: hidden("0000000002"),
    oldAddress: shown("出雲市大津町5"),
  },
  procedureName: "国民健康保険 加入届",
  answers: { workplaceInsurance: "いいえ" },
};

describe("bindFields", () => {
  it("fills each kind of source", () => {
    const template = {
      fields: [
        field("name", "person.name"),
        field("kana", "person.nameKana"),
        field("birth", "person.birthDate.wareki"),
        field("birthW", "person.birthDate.western"),
        field("sex", "person.sex"),
        field("address", "person.address"),
        field("head", "person.householdHead"),
        field("rel", "person.relationship"),
        field("caseId", "case.id"),
        field("kind", "case.residenceChangeType"),
        field("on", "case.occurredOn.wareki"),
        field("onW", "case.occurredOn.western"),
        field("movers", "case.movingMembers"),
        field("old", "case.oldAddress"),
        field("procedure", "case.procedureName"),
        field("visitor", "visitor.name"),
        field("visitorPhone", "visitor.phone"),
        field("visitorRelation", "visitor.relation"),
        field("visitorBirth", "visitor.birthDate.wareki"),
        field("answer", "answer:workplaceInsurance"),
        field("today", "today.wareki"),
        field("todayW", "today.western"),
        field("fixed", "fixed", { text: "出雲市長 様" }),
      ],
    };
    expect(bindFields(template, data)).toEqual({
      name: "\uFA10本　葛\u{E0102}子",
      kana: "ツカモト　カツコ",
      birth: "平成元年1月8日",
      birthW: "1989年1月8日",
      sex: "女",
      address: "出雲市今市町1-2-3",
      head: "塚本　一郎",
      rel: "妻",
      caseId: "42",
      kind: "転居",
      on: "令和元年5月1日",
      onW: "2019年5月1日",
      movers: "塚本　一郎、\uFA10本　葛\u{E0102}子",
      old: "出雲市大津町5",
      procedure: "国民健康保険 加入届",
      visitor: "塚本　一郎",
      visitorPhone: "0853-11-2222",
      visitorRelation: "同一世帯の人",
      visitorBirth: "昭和60年5月1日",
      answer: "いいえ",
      today: "令和8年10月1日",
      todayW: "2026年10月1日",
      fixed: "出雲市長 様",
    });
  });

  it("keeps the characters of a name exactly (no NFC/NFKC)", () => {
    const { name } = bindFields({ fields: [field("name", "person.name")] }, data);
    expect(name).toBe("\uFA10本　葛\u{E0102}子");
    expect(name?.includes("\u585A")).toBe(false);
  });

  it("prints a masked address as masked, never its text", () => {
    const values = bindFields(
      { fields: [field("visitorAddress", "visitor.address"), field("new", "case.newAddress")] },
      data,
    );
    expect(values).toEqual({ visitorAddress: maskedAddressText, new: maskedAddressText });
  });

  it("leaves a field empty when its data is missing", () => {
    const bare: DocumentData = {
      ...data,
      person: null,
      visitor: null,
      residenceChange: null,
      procedureName: null,
      answers: {},
    };
    const values = bindFields(
      {
        fields: [
          field("name", "person.name"),
          field("birth", "person.birthDate.wareki"),
          field("visitor", "visitor.address"),
          field("kind", "case.residenceChangeType"),
          field("movers", "case.movingMembers"),
          field("answer", "answer:unknownQuestion"),
          field("procedure", "case.procedureName"),
        ],
      },
      bare,
    );
    expect(Object.values(values).every((v) => v === "")).toBe(true);
    const noBirth = { ...data, person: data.person ? { ...data.person, birthDate: null, sex: null } : null };
    expect(
      bindFields({ fields: [field("b", "person.birthDate.wareki"), field("s", "person.sex")] }, noBirth),
    ).toEqual({
      b: "",
      s: "",
    });
  });
});

describe("who is on a document", () => {
  const template = {
    fields: [
      field("name", "person.name"),
      field("visitorAddress", "visitor.address"),
      field("new", "case.newAddress"),
      field("old", "case.oldAddress"),
    ],
  };

  it("names the person whose protection governs each printed address", () => {
    expect(addressOwners(template, data)).toEqual({ visitorAddress: "0000000002", new: "0000000002" });
  });

  it("lists the register persons whose data it prints", () => {
    const values = bindFields(template, data);
    expect(personsOn(template, data, values).sort()).toEqual(["0000000001", "0000000002"]);
    const moversOnly = { fields: [field("movers", "case.movingMembers")] };
    expect(personsOn(moversOnly, data, bindFields(moversOnly, data)).sort()).toEqual([
      "0000000001",
      "0000000002",
    ]);
  });
});

describe("answerText", () => {
  it("prints a choice by its label, yes/no in Japanese, a date in 和暦", () => {
    const choice = {
      answerKind: "choice" as const,
      choices: [
        { value: "a", label: "会社の保険" },
        { value: "b", label: "国保" },
      ],
    };
    expect(answerText(choice, "b")).toBe("国保");
    expect(answerText({ answerKind: "yesNo", choices: [] }, "yes")).toBe("はい");
    expect(answerText({ answerKind: "date", choices: [] }, "2026-04-01")).toBe("令和8年4月1日");
    expect(answerText({ answerKind: "text", choices: [] }, "自由記述")).toBe("自由記述");
    expect(answerText(undefined, "raw")).toBe("raw");
  });
});
