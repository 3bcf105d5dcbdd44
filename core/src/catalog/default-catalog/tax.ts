import type { ProcedureDefinition } from "../procedures.ts";
import { allOf, answered, on, procedure, selfMoving, someMoving } from "./build.ts";

const taxOrdinance = "市税条例";

/** 市民税課: 個人住民税, 収納, 滞納 (納税相談). */
export const taxProcedures: ProcedureDefinition[] = [
  procedure({
    key: "heir-representative",
    name: "相続人代表者指定届（市県民税）",
    programme: "residentTax",
    scope: "person",
    counterId: "shiminzei",
    guidance:
      "亡くなった方に納め終えていない市県民税（その年の1月1日に住所があった年度分）があるときは、相続人が納税義務を承継する。相続人が複数のときは代表者を定めて届け出てもらう（納税通知書などの送付先になる）。相続放棄をした方は承継しない。",
    legalBasis: "地方税法第9条・第9条の2",
    bring: ["代表者の本人確認書類", "亡くなった方との続柄がわかるもの"],
    rule: allOf(
      on("death"),
      selfMoving({
        enrolledIn: {
          programme: "residentTax",
          attribute: { key: "taxStatus", values: ["課税", "均等割のみ"] },
        },
      }),
    ),
  }),
  procedure({
    key: "tax-agent-declaration",
    name: "納税管理人 申告（国外への転出）",
    programme: "residentTax",
    scope: "household",
    counterId: "shiminzei",
    guidance:
      "市県民税（転出した年の1月1日に住所があった年度分）や固定資産税が残る方が国外へ転出するときは、国内に住む納税管理人を定めて申告してもらう（納税通知書などの送付先・納付の代理人となる）。納税管理人を置かない場合は出国前に全期分を納付するよう案内する。",
    legalBasis: "地方税法第300条・第355条、市税条例",
    bring: ["納税管理人の氏名・住所がわかるもの", "納税義務者と納税管理人の本人確認書類"],
    rule: allOf(
      on("moveOut"),
      answered("movingAbroad", "yes"),
      someMoving({
        enrolledIn: {
          programme: "residentTax",
          attribute: { key: "taxStatus", values: ["課税", "均等割のみ"] },
        },
      }),
    ),
  }),
  procedure({
    key: "resident-tax-return",
    name: "市県民税 申告",
    programme: "residentTax",
    scope: "person",
    counterId: "shiminzei",
    guidance:
      "1月1日に市内に住所がある方で、所得税の確定申告をせず、給与支払報告書・公的年金の支払報告書だけでは所得がわからない方（事業・不動産所得、医療費控除を受ける方、所得のない方で証明が必要な方など）は、3月15日までに申告する。申告しないと所得証明書・課税証明書が出せず、国保税の軽減や各種給付の判定ができないことを説明する。",
    legalBasis: "地方税法第45条の2・第317条の2",
    bring: [
      "源泉徴収票・収入がわかる書類",
      "控除を受けるための書類（医療費の明細書・社会保険料の証明など）",
      "マイナンバーがわかるもの",
      "本人確認書類",
    ],
    rule: null,
  }),
  procedure({
    key: "tax-account-transfer",
    name: "市税・保険料の口座振替 申込",
    programme: "collection",
    scope: "person",
    counterId: "shiminzei",
    guidance:
      "市県民税（普通徴収）・固定資産税・軽自動車税・国民健康保険税・介護保険料・後期高齢者医療保険料などを口座振替にする申込み。キャッシュカードで手続きできる端末のある金融機関はその場で受け付け、それ以外は依頼書を金融機関に送付する（開始まで1〜2か月かかる）。納税義務者が変わったとき（世帯主の死亡など）は新たな申込みが要る。",
    legalBasis: `${taxOrdinance}、市税等口座振替取扱要綱`,
    bring: ["通帳とキャッシュカード", "金融機関の届出印（依頼書で申し込む場合）", "本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "tax-bill-reissue",
    name: "市税等の納付書 再発行",
    programme: "collection",
    scope: "person",
    counterId: "shiminzei",
    guidance:
      "納付書を紛失・汚損した方、納期限を過ぎた方に納付書を再発行する。納期限後は延滞金が加算される場合があることを説明する。スマートフォン決済・コンビニ納付・eLTAXの地方税統一QRコードで納付できることも案内する。",
    legalBasis: `地方税法第13条、${taxOrdinance}`,
    bring: ["本人確認書類（納税義務者以外の方は委任状）"],
    rule: null,
  }),
  procedure({
    key: "tax-payment-consultation",
    name: "納税相談（分割納付・換価の猶予・徴収の猶予）",
    programme: "arrears",
    scope: "person",
    counterId: "shiminzei",
    guidance:
      "市税を納期限までに納められない方の相談を受ける。災害・病気・事業の休廃止などの事情がある場合は徴収の猶予、一時に納付すると事業の継続や生活の維持が困難な場合は換価の猶予（納期限から6か月以内の申請）を案内し、財産・収支の状況を確認して分割納付の計画を立てる。滞納が続くと財産の差押えに進むことを説明する。",
    legalBasis: "地方税法第15条・第15条の6の2、市税条例",
    bring: ["収入・支出がわかる書類", "財産の状況がわかる書類（預金通帳など）", "本人確認書類"],
    rule: null,
  }),
];
