import type { ProcedureDefinition } from "../procedures.ts";
import { allOf, answered, anyOf, on, procedure, selfMoving, someInHousehold, someMoving } from "./build.ts";

const disability = { programme: "disabilityWelfare" } as const;
const severe = { programme: "severeDisabilityMedical" } as const;
const assistance = { programme: "publicAssistance" } as const;
const supportAct = "障害者の日常生活及び社会生活を総合的に支援するための法律";
const severeOrdinance = "市重度心身障がい者医療費助成条例";
const identity = "本人確認書類";

/** 福祉推進課: 障がい者福祉, 重度心身障がい者医療, 生活保護. */
export const welfareProcedures: ProcedureDefinition[] = [
  procedure({
    key: "disability-physical-handbook",
    name: "身体障害者手帳 交付申請",
    programme: "disabilityWelfare",
    scope: "person",
    counterId: "fukushi",
    forms: ["physical-disability-handbook-application"],
    guidance:
      "身体に一定以上の永続する障がいのある方が、都道府県知事の指定医が作成した診断書・意見書を添えて申請する（市を経由して県が審査・交付し、1〜2か月かかる）。等級の変更（再認定）・障がいの追加、紛失・破損による再交付も同じ窓口で受け付ける。手帳の取得で受けられる福祉サービス・税の控除・運賃割引などを案内する。",
    legalBasis: "身体障害者福祉法第15条",
    bring: ["指定医の診断書・意見書", "顔写真（縦4cm×横3cm）", "マイナンバーがわかるもの", identity],
    rule: null,
  }),
  procedure({
    key: "disability-mental-handbook",
    name: "精神障害者保健福祉手帳 交付申請",
    programme: "disabilityWelfare",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "精神疾患の初診日から6か月以上たった方が、精神保健指定医などの診断書または精神障害を支給事由とする障害年金の証書の写しを添えて申請する。等級は1〜3級、有効期間は2年で、期限の3か月前から更新できる。自立支援医療（精神通院）の同時申請ができる。",
    legalBasis: "精神保健及び精神障害者福祉に関する法律第45条",
    bring: [
      "診断書（初診から6か月以上経過後のもの）または障害年金証書の写し",
      "顔写真（縦4cm×横3cm）",
      "マイナンバーがわかるもの",
      identity,
    ],
    rule: null,
  }),
  procedure({
    key: "disability-intellectual-handbook",
    name: "療育手帳 交付申請",
    programme: "disabilityWelfare",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "知的障がいのある方の申請を受け、18歳未満は児童相談所、18歳以上は知的障害者更生相談所が判定し、県が交付する（区分は重度A・その他B）。判定の日程を調整して案内する。再判定の時期が手帳に記載されている。",
    legalBasis: "療育手帳制度要綱（昭和48年厚生省発児第156号）、県療育手帳制度実施要綱",
    bring: ["顔写真（縦4cm×横3cm）", "母子健康手帳など発達の経過がわかるもの", identity],
    rule: null,
  }),
  procedure({
    key: "disability-handbook-address-change",
    name: "障害者手帳 居住地変更の届出",
    programme: "disabilityWelfare",
    scope: "household",
    counterId: "fukushi",
    guidance:
      "障害者手帳をお持ちの方が転入・転居したときは、手帳の住所を変更する（身体障害者手帳は30日以内）。他の都道府県から転入した場合は新しい手帳の交付手続きになる。障害福祉サービス・自立支援医療の受給者証、特別障害者手当などを受けていた方は、当市での申請・変更もあわせて案内する。",
    legalBasis: "身体障害者福祉法施行令第9条、精神保健及び精神障害者福祉に関する法律第45条",
    bring: ["障害者手帳", "障害福祉サービス・自立支援医療の受給者証（お持ちの方）", identity],
    rule: anyOf(
      allOf(on("moveWithin"), someMoving({ enrolledIn: disability })),
      allOf(on("moveIn"), answered("hasDisabilityHandbook", "yes")),
    ),
  }),
  procedure({
    key: "disability-handbook-return",
    name: "障害者手帳の返還・障害福祉サービスの終了（死亡）",
    programme: "disabilityWelfare",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "障害者手帳をお持ちの方が亡くなったときは、遺族に手帳と障害福祉サービス・自立支援医療などの受給者証を返還してもらう。特別障害者手当などの未支給分があれば相続人に請求を案内する。補装具・日常生活用具の給付品の扱いも確認する。",
    legalBasis: `身体障害者福祉法第16条、${supportAct}第25条`,
    bring: ["障害者手帳", "受給者証（お持ちの方）", "届出人の本人確認書類"],
    rule: allOf(on("death"), selfMoving({ enrolledIn: disability })),
  }),
  procedure({
    key: "disability-welfare-services",
    name: "障害福祉サービス 支給申請",
    programme: "disabilityWelfare",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "居宅介護・生活介護・就労継続支援・短期入所などのサービスを使うための申請。介護給付では障害支援区分の認定調査を行う。相談支援事業所が作成するサービス等利用計画案（セルフプランも可）を出してもらい、支給を決定して受給者証を交付する。65歳以上の方は介護保険のサービスが優先することを説明する。",
    legalBasis: `${supportAct}第19条・第20条・第21条・第22条`,
    bring: [
      "障害者手帳または医師の診断書など障がいがわかるもの",
      "サービス等利用計画案",
      "マイナンバーがわかるもの",
      identity,
    ],
    rule: null,
  }),
  procedure({
    key: "disability-independence-medical",
    name: "自立支援医療（更生医療・育成医療・精神通院医療）支給認定申請",
    programme: "disabilityWelfare",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "障がいの軽減・除去のための医療（更生医療は18歳以上の身体障害者手帳をお持ちの方、育成医療は18歳未満の子）や精神疾患の通院医療の自己負担を原則1割にし、所得に応じた月額上限を設ける。指定自立支援医療機関を受給者証に記載する。精神通院は有効期間1年で更新が要る。",
    legalBasis: `${supportAct}第52条・第53条・第54条`,
    bring: [
      "医師の意見書・診断書",
      "健康保険の資格確認書など",
      "所得がわかる書類（市で確認できない場合）",
      identity,
    ],
    rule: null,
  }),
  procedure({
    key: "disability-assistive-devices",
    name: "補装具費 支給申請",
    programme: "disabilityWelfare",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "義肢・装具・車椅子・補聴器などの購入・修理の費用を支給する。購入の前に申請してもらい、必要に応じて更生相談所の判定を経て決定する（自己負担は原則1割、所得に応じた上限あり）。業者の見積書が要る。",
    legalBasis: `${supportAct}第76条`,
    bring: ["障害者手帳", "業者の見積書", "医師の意見書（種目による）", identity],
    rule: null,
  }),
  procedure({
    key: "disability-allowances",
    name: "特別障害者手当・障害児福祉手当 認定請求",
    programme: "disabilityWelfare",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "在宅で、日常生活に常時特別の介護を要する20歳以上の方（特別障害者手当）または重度の障がいのある20歳未満の方（障害児福祉手当）に支給する。施設入所中や病院に3か月を超えて入院している方は対象外。本人・配偶者・扶養義務者の所得制限がある。所定の様式の医師の診断書を添えて請求する。",
    legalBasis: "特別児童扶養手当等の支給に関する法律第17条・第19条・第26条の2・第26条の5",
    bring: ["所定の様式の医師の診断書", "受取口座がわかるもの", "マイナンバーがわかるもの", identity],
    rule: null,
  }),
  procedure({
    key: "severe-disability-medical-application",
    name: "重度心身障がい者医療費 受給資格申請",
    programme: "severeDisabilityMedical",
    scope: "household",
    counterId: "fukushi",
    guidance:
      "重度の障がいのある方（身体障害者手帳1・2級、療育手帳A、精神障害者保健福祉手帳1級など、市の条例が定める方）の医療費の自己負担を助成する。所得制限を確認し、受給者証を交付する。転入の方は転入日から定められた期間内に申請すれば遡って助成する。65歳以上で新たに対象となる方は後期高齢者医療への加入が条件となる場合がある。",
    legalBasis: severeOrdinance,
    bring: ["障害者手帳", "健康保険の資格確認書など", "所得がわかる書類（市で確認できない場合）", identity],
    rule: allOf(on("moveIn"), answered("severeDisabilityGrade", "yes")),
  }),
  procedure({
    key: "severe-disability-medical-change",
    name: "重度心身障がい者医療費 変更届（住所・健康保険）",
    programme: "severeDisabilityMedical",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "受給者が市内で転居したとき、加入する健康保険や氏名が変わったときに届け出てもらい、受給者証を差し替える。",
    legalBasis: severeOrdinance,
    bring: ["重度心身障がい者医療費受給者証", "健康保険の資格確認書など（変わった場合）"],
    rule: allOf(on("moveWithin"), selfMoving({ enrolledIn: severe })),
  }),
  procedure({
    key: "severe-disability-medical-return",
    name: "重度心身障がい者医療費 受給資格喪失届",
    programme: "severeDisabilityMedical",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "受給者が転出・死亡したとき、受給者証を返却してもらう。転出の方には転出先での申請を案内する。亡くなった方の医療費で払い戻しの申請がまだのものがあれば相続人に案内する。",
    legalBasis: "市重度心身障がい者医療費助成条例",
    bring: ["重度心身障がい者医療費受給者証（返却）"],
    rule: allOf(on("moveOut", "death"), selfMoving({ enrolledIn: { programme: "severeDisabilityMedical" } })),
  }),
  procedure({
    key: "severe-disability-medical-refund",
    name: "重度心身障がい者医療費 払い戻し申請",
    programme: "severeDisabilityMedical",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "県外の医療機関での受診、受給者証を出さずに受診した場合、補装具（治療用装具）を作った場合などに、支払った自己負担分を申請により払い戻す。高額療養費などの保険給付が先になるため、保険者の支給決定通知を確認する。申請期限は市の条例による。",
    legalBasis: severeOrdinance,
    bring: ["医療機関の領収書（受診者名・保険点数がわかるもの）", "受給者証", "振込先口座がわかるもの"],
    rule: null,
  }),
  procedure({
    key: "public-assistance-consultation",
    name: "生活保護の相談・申請",
    programme: "publicAssistance",
    scope: "household",
    counterId: "fukushi",
    guidance:
      "生活に困窮する方の相談を個室で受け、制度（世帯単位、資産・能力の活用、扶養、他の制度の活用）を説明する。申請の意思が示されたときは申請書を渡して受け付ける（申請を妨げない）。原則14日以内（最長30日）に保護の要否を決定する。急迫した状況では職権による保護を検討する。生活困窮者自立支援の相談窓口もあわせて案内する。",
    legalBasis: "生活保護法第4条・第7条・第24条・第25条",
    bring: ["本人確認書類", "収入・資産がわかるもの（給与明細・預金通帳など、お持ちの範囲で）"],
    rule: null,
    questions: ["assistanceReason"],
  }),
  procedure({
    key: "public-assistance-change",
    name: "生活保護 世帯・収入の変更届",
    programme: "publicAssistance",
    scope: "household",
    counterId: "fukushi",
    guidance:
      "保護を受けている世帯で、出生・転入・世帯の分離や合併などで世帯員が変わったとき、市内で転居したとき、収入が変わったときは、速やかに担当のケースワーカーに届け出てもらう。転居は敷金・家賃の扶助に関わるため事前の相談が要る。",
    legalBasis: "生活保護法第61条",
    bring: ["保護受給証明・通知書など", "変更がわかる書類"],
    rule: allOf(
      on(
        "moveIn",
        "moveWithin",
        "birth",
        "householdSplit",
        "householdMerge",
        "householdRecompose",
        "headChange",
      ),
      someInHousehold({ enrolledIn: assistance }),
    ),
  }),
  procedure({
    key: "public-assistance-move-out",
    name: "生活保護 転出の届出（保護の廃止・移管）",
    programme: "publicAssistance",
    scope: "household",
    counterId: "fukushi",
    guidance:
      "保護を受けている方が市外へ転出するときは、事前にケースワーカーに相談してもらう。当市の保護は転出日で廃止し、転出先の福祉事務所へ移管の連絡をする（転出先で改めて申請が要る）。引越し費用の扶助は事前の承認が要る。",
    legalBasis: "生活保護法第19条・第61条",
    bring: ["保護受給証明・通知書など", "届出人の本人確認書類"],
    rule: allOf(on("moveOut"), someMoving({ enrolledIn: assistance })),
  }),
  procedure({
    key: "public-assistance-death",
    name: "生活保護 受給者死亡の届出・葬祭扶助の相談",
    programme: "publicAssistance",
    scope: "person",
    counterId: "fukushi",
    guidance:
      "保護を受けている方が亡くなったときは、ケースワーカーに連絡してもらう。葬祭を行う扶養義務者が困窮している場合や、扶養義務者のいない方の葬祭を民生委員などが行う場合は、葬祭の前に葬祭扶助を相談してもらう（葬祭後の申請は原則として認めない）。世帯に残る方の保護を見直す。",
    legalBasis: "生活保護法第18条・第61条",
    bring: ["届出人の本人確認書類", "葬儀社の見積書（葬祭扶助の場合）"],
    rule: allOf(on("death"), selfMoving({ enrolledIn: assistance })),
    questions: ["funeralHost"],
  }),
];
