import type { ProcedureDefinition } from "../procedures.ts";
import { allOf, answered, not, on, procedure, selfMoving } from "./build.ts";

const lateElderly = { programme: "lateElderlyMedical" } as const;
const insuredLeaving = allOf(on("moveOut"), selfMoving({ enrolledIn: lateElderly }));
const withinPrefecture = answered("destinationInPrefecture", "yes");

/** 保険年金課: 後期高齢者医療 (the 広域連合 decides; the city takes the 届出). */
export const lateElderlyProcedures: ProcedureDefinition[] = [
  procedure({
    key: "late-elderly-enrolment",
    name: "後期高齢者医療 資格取得（転入）",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    forms: ["late-elderly-change-notice"],
    guidance:
      "75歳以上の方は転入日から後期高齢者医療の被保険者となる（運営は県の後期高齢者医療広域連合）。他の都道府県から転入した方は、前住所地で交付された負担区分等証明書を提出してもらう（一部負担金の割合の判定に使う）。65〜74歳で一定の障がいの認定を受けている方も対象になり得る。",
    legalBasis: "高齢者の医療の確保に関する法律第50条・第52条・第54条",
    bring: ["負担区分等証明書（他の都道府県から転入した方）", "本人確認書類"],
    rule: allOf(on("moveIn"), selfMoving({ ageAtLeast: 75 })),
  }),
  procedure({
    key: "late-elderly-loss",
    name: "後期高齢者医療 資格喪失届",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    forms: ["late-elderly-change-notice"],
    guidance:
      "他の都道府県への転出・死亡で資格を失う（県内の市町村への転出は住所変更のみで資格は続く）。資格確認書・被保険者証を返却してもらう。県外への転出では負担区分等証明書を交付し、転出先に提出するよう案内する。死亡の場合は葬祭費の申請を案内する。",
    legalBasis: "高齢者の医療の確保に関する法律第53条・第54条",
    bring: ["後期高齢者医療の資格確認書・被保険者証（返却）", "届出人の本人確認書類"],
    // A move within the prefecture keeps the 資格 (same 広域連合); unanswered, the loss is assumed.
    rule: allOf(
      on("moveOut", "death"),
      selfMoving({ enrolledIn: lateElderly }),
      not(allOf(on("moveOut"), withinPrefecture)),
    ),
  }),
  procedure({
    key: "late-elderly-burden-certificate",
    name: "後期高齢者医療 負担区分等証明書の交付（県外への転出）",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "他の都道府県へ転出する被保険者に、一部負担金の割合（1割・2割・3割）や限度額の区分を証明する負担区分等証明書を交付する。転出先の市区町村に転入届とあわせて提出してもらう（出さないと負担割合の判定に時間がかかる）。",
    legalBasis: "高齢者の医療の確保に関する法律第54条、同法施行規則",
    bring: ["後期高齢者医療の資格確認書・被保険者証（返却）"],
    rule: allOf(insuredLeaving, answered("destinationInPrefecture", "no")),
  }),
  procedure({
    key: "late-elderly-move-within-prefecture",
    name: "後期高齢者医療 県内転出の届出（住所変更）",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    forms: ["late-elderly-change-notice"],
    guidance:
      "同じ県内の市町村へ転出するときは、広域連合が同じため資格は続き、住所変更として扱う（被保険者番号は変わらない）。当市の資格確認書・被保険者証を返却してもらい、転出先で新しいものを受け取るよう案内する。保険料は月割で当市と転出先に分かれる。",
    legalBasis: "高齢者の医療の確保に関する法律第54条",
    bring: ["後期高齢者医療の資格確認書・被保険者証（返却）"],
    rule: allOf(insuredLeaving, withinPrefecture),
  }),
  procedure({
    key: "late-elderly-address-change",
    name: "後期高齢者医療 住所変更",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    forms: ["late-elderly-change-notice"],
    guidance:
      "後期高齢者医療の被保険者が市内で転居したとき。住所の記載がある資格確認書・被保険者証を差し替え、送付先を変更する。",
    legalBasis: "高齢者の医療の確保に関する法律第54条",
    bring: ["後期高齢者医療の資格確認書・被保険者証"],
    rule: allOf(on("moveWithin"), selfMoving({ enrolledIn: lateElderly })),
  }),
  procedure({
    key: "late-elderly-funeral-expenses",
    name: "葬祭費 支給申請（後期高齢者医療）",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "後期高齢者医療の被保険者が亡くなったとき、葬祭を行った方（喪主）に葬祭費を支給する（額は広域連合の条例による）。申請期限は葬祭を行った日の翌日から2年。資格喪失届とあわせて受け付ける。",
    legalBasis: "高齢者の医療の確保に関する法律第86条第1項、県後期高齢者医療広域連合条例",
    bring: [
      "会葬礼状または葬儀費用の領収書（喪主の氏名がわかるもの）",
      "喪主名義の振込先口座",
      "喪主の本人確認書類",
    ],
    rule: allOf(on("death"), selfMoving({ enrolledIn: lateElderly })),
    questions: ["funeralHost", "funeralDate"],
  }),
  procedure({
    key: "late-elderly-disability-enrolment",
    name: "後期高齢者医療 障がい認定による加入申請",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "65歳以上75歳未満で一定の障がい（身体障害者手帳1〜3級・4級の一部、療育手帳A、精神障害者保健福祉手帳1・2級、障害年金1・2級など）のある方は、申請して広域連合の認定を受ければ後期高齢者医療に加入できる。加入は任意で、いつでも撤回できる。国保などとの保険料・自己負担の違いを説明する。",
    legalBasis: "高齢者の医療の確保に関する法律第50条第2号",
    bring: ["障害者手帳または障害年金証書", "現在の健康保険の資格確認書など", "本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "late-elderly-high-cost-medical",
    name: "後期高齢者医療 高額療養費 支給申請",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "同じ月の医療費の自己負担額が限度額を超えたとき、超えた分を支給する。初回だけ振込先の口座を届け出れば、以後は自動で振り込まれる。住民税非課税世帯の方には限度額適用・標準負担額減額認定証（マイナ保険証で受診する場合は不要）もあわせて案内する。申請期限は診療月の翌月1日から2年。",
    legalBasis: "高齢者の医療の確保に関する法律第84条",
    bring: ["後期高齢者医療の資格確認書・被保険者証", "振込先口座がわかるもの", "本人確認書類"],
    rule: null,
  }),
];
