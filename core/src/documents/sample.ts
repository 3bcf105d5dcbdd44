import type { DocumentData } from "./bind.ts";

/**
 * Made-up data for previewing a template while it is designed: every source filled, so the layout
 * can be judged, and nobody's personal data on the administrator's screen.
 */
export function sampleDocumentData(today: string): DocumentData {
  const address = { text: "出雲市今市町１丁目２番地３ 見本ハイツ１０１号", masked: false, ownerId: null };
  return {
    today,
    caseId: 12345,
    person: {
      id: null,
      name: "見本　花子",
      nameKana: "ミホン　ハナコ",
      birthDate: "1990-04-01",
      sex: "female",
      address,
      householdHeadId: null,
      householdHeadName: "見本　太郎",
      relationship: "妻",
    },
    visitor: {
      id: null,
      name: "見本　太郎",
      nameKana: "ミホン　タロウ",
      birthDate: "1988-10-10",
      sex: "male",
      address,
      householdHeadId: null,
      householdHeadName: null,
      relationship: "世帯主",
      phone: "0853-00-0000",
      relation: "household",
    },
    residenceChange: {
      kind: "moveIn",
      occurredOn: today,
      movingMembers: ["見本　太郎", "見本　花子"],
      movingMemberIds: [],
      newAddress: address,
      oldAddress: { text: "島根県松江市殿町１番地", masked: false, ownerId: null },
    },
    procedureName: "（手続き名）",
    answers: {},
  };
}
