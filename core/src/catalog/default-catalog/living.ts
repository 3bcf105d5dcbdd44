import type { ProcedureDefinition } from "../procedures.ts";
import { allOf, answered, on, procedure, selfMoving, someMoving, someRemaining } from "./build.ts";

const dog = { programme: "dogRegistration" } as const;
const housing = { programme: "publicHousing" } as const;
const housingOrdinance = "市営住宅条例";
const rabiesAct = "狂犬病予防法";

/** 建築住宅課 (市営住宅) and 環境政策課 (畜犬). */
export const livingProcedures: ProcedureDefinition[] = [
  procedure({
    key: "public-housing-move-out",
    name: "市営住宅 退去届・同居者異動届",
    programme: "publicHousing",
    scope: "household",
    counterId: "jutaku",
    forms: ["public-housing-move-out-notice"],
    guidance:
      "市営住宅の入居世帯から転出・転居する方がいるときは住宅担当課に届け出る。名義人が退去するときは退去届と退去検査（家賃・敷金の清算を説明する）、同居者だけが出るときは同居者異動届。住宅担当課へ案内する。",
    legalBasis: "公営住宅法第27条・第48条、市営住宅条例",
    bring: ["届出人の本人確認書類", "市営住宅の鍵（退去する場合）"],
    rule: allOf(on("moveOut", "moveWithin"), someMoving({ enrolledIn: housing })),
  }),
  procedure({
    key: "public-housing-succession",
    name: "市営住宅 入居承継承認申請",
    programme: "publicHousing",
    scope: "household",
    counterId: "jutaku",
    guidance:
      "市営住宅の名義人が亡くなり、同居していた家族が住み続けるときは、承認を受けて入居を承継する。承継できる方（配偶者など）と収入の基準を確認し、住宅担当課へ案内する。住み続けないときは退去届。",
    legalBasis: "公営住宅法第27条第6項、市営住宅条例",
    bring: ["承継する方の本人確認書類", "世帯全員の所得がわかる書類"],
    // The housing feed names the tenant only as the rows' holder, which is the household head.
    rule: allOf(
      on("death"),
      someMoving({ isHead: true, enrolledIn: housing }),
      someRemaining({ enrolledIn: housing }),
    ),
  }),
  procedure({
    key: "public-housing-cohabitant",
    name: "市営住宅 同居承認申請・同居者異動届",
    programme: "publicHousing",
    scope: "household",
    counterId: "jutaku",
    guidance:
      "市営住宅の入居者が、入居時の同居者以外の親族を新たに同居させるときは、事前に承認を受ける（承認前の同居は認めない）。収入基準や住戸の広さを確認する。出生による同居者の増加は届出のみ。住宅担当課へ案内する。",
    legalBasis: `公営住宅法第27条第5項、${housingOrdinance}`,
    bring: ["同居しようとする方の所得がわかる書類", "入居者の本人確認書類"],
    rule: allOf(on("moveIn", "birth"), someRemaining({ enrolledIn: housing })),
  }),
  procedure({
    key: "public-housing-application",
    name: "市営住宅 入居申込",
    programme: "publicHousing",
    scope: "household",
    counterId: "jutaku",
    guidance:
      "住宅に困窮し、世帯の収入が基準以下の方が対象（単身入居は高齢・障がいなど条例の要件による）。市税の滞納がないこと、暴力団員でないことを確認する。募集は定期募集（または随時募集）で、申込みが多い住宅は抽選・選考となる。連帯保証人・敷金の扱いを説明する。",
    legalBasis: `公営住宅法第22条・第23条、${housingOrdinance}`,
    bring: [
      "入居申込書",
      "世帯全員の所得がわかる書類",
      "世帯全員の住民票（市で確認できない場合）",
      "本人確認書類",
    ],
    rule: null,
    questions: ["householdIncome"],
  }),
  procedure({
    key: "public-housing-income-report",
    name: "市営住宅 収入申告",
    programme: "publicHousing",
    scope: "household",
    counterId: "jutaku",
    guidance:
      "入居者は毎年、世帯全員の前年の収入を申告する。申告に基づき翌年度の家賃を決定する（申告しないと近傍同種の住宅の家賃となる）。収入超過者・高額所得者に当たる場合は明渡しの努力義務・請求について説明する。",
    legalBasis: `公営住宅法第16条・第28条・第29条、${housingOrdinance}`,
    bring: ["収入申告書", "世帯全員の所得がわかる書類（市で確認できない場合）"],
    rule: null,
    questions: ["householdIncome"],
  }),
  procedure({
    key: "public-housing-rent-reduction",
    name: "市営住宅 家賃減免申請",
    programme: "publicHousing",
    scope: "household",
    counterId: "jutaku",
    guidance:
      "失業・病気・災害などで世帯の収入が著しく減ったときや、生活保護を受けるようになったときに、条例の基準で家賃の減額・免除を申請できる。減免期間は原則として年度内で、継続には再申請が要る。",
    legalBasis: `公営住宅法第16条、${housingOrdinance}`,
    bring: ["収入の減少がわかる書類（離職票・診断書・罹災証明書など）", "入居者の本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "dog-registration-new",
    name: "畜犬 登録（新規）",
    programme: "dogRegistration",
    scope: "person",
    counterId: "kankyo",
    guidance:
      "生後91日以上の犬を飼い始めたときは30日以内に登録する（生涯1回）。鑑札を交付し、犬の首輪などに着けるよう案内する。マイクロチップを装着した犬で環境大臣の指定登録機関に登録済みの場合は、その情報で登録したものとみなされる（市の参加状況による）。毎年度の狂犬病予防注射もあわせて案内する。",
    legalBasis: `${rabiesAct}第4条第1項・第2項`,
    bring: ["登録手数料", "狂犬病予防注射済証（動物病院で接種した場合）"],
    rule: null,
    questions: ["dogBreed", "dogVaccinated"],
  }),
  procedure({
    key: "dog-registration-move-in",
    name: "畜犬 所在地変更届（転入）",
    programme: "dogRegistration",
    scope: "household",
    counterId: "kankyo",
    guidance:
      "犬を連れて転入したときは30日以内に、前の市区町村で交付された鑑札を持参して届け出る。当市の鑑札と交換する。当年度の狂犬病予防注射が済んでいるか確認する。",
    legalBasis: "狂犬病予防法第4条第4項",
    bring: ["前の市区町村で交付された犬の鑑札", "狂犬病予防注射済票（当年度）"],
    rule: allOf(on("moveIn"), answered("hasDog", "yes")),
    questions: ["dogCount", "dogVaccinated"],
  }),
  procedure({
    key: "dog-location-change",
    name: "畜犬 所在地変更届",
    programme: "dogRegistration",
    scope: "person",
    counterId: "kankyo",
    forms: ["dog-registration-change-notice"],
    guidance:
      "登録犬の所有者が市内で転居したときは30日以内に所在地変更を届け出る。市外へ転出するときは、転出先の市区町村に当市の鑑札を持参して届け出るよう案内する（当市への届出は要らず、転出先から通知が来る）。",
    legalBasis: "狂犬病予防法第4条第4項",
    bring: ["犬の鑑札", "狂犬病予防注射済票"],
    rule: allOf(on("moveOut", "moveWithin"), selfMoving({ enrolledIn: dog })),
  }),
  procedure({
    key: "dog-rabies-tag",
    name: "狂犬病予防注射済票の交付",
    programme: "dogRegistration",
    scope: "person",
    counterId: "kankyo",
    guidance:
      "犬の所有者は毎年度1回（4月から6月が接種期間）犬に狂犬病予防注射を受けさせる。動物病院で接種した方には、注射済証を確認して注射済票を交付する。集合注射の日程を案内する。獣医師が接種を猶予した場合はその証明書を確認する。",
    legalBasis: `${rabiesAct}第5条`,
    bring: ["狂犬病予防注射済証（動物病院で発行）", "注射済票交付手数料"],
    rule: null,
  }),
  procedure({
    key: "dog-death",
    name: "畜犬 死亡届",
    programme: "dogRegistration",
    scope: "person",
    counterId: "kankyo",
    guidance:
      "登録犬が死亡したときは、30日以内に届け出てもらい登録を抹消する。鑑札と注射済票を返却してもらう。",
    legalBasis: `${rabiesAct}第4条第4項`,
    bring: ["犬の鑑札", "狂犬病予防注射済票"],
    rule: null,
  }),
  procedure({
    key: "dog-owner-death",
    name: "畜犬 所有者変更届（所有者の死亡）",
    programme: "dogRegistration",
    scope: "person",
    counterId: "kankyo",
    forms: ["dog-registration-change-notice"],
    guidance:
      "登録犬の所有者が亡くなったときは、犬を引き継ぐ方が30日以内に所有者の変更を届け出る。犬も死亡しているときは犬の死亡届を受け付ける。",
    legalBasis: "狂犬病予防法第4条第4項",
    bring: ["犬の鑑札", "新しい所有者の本人確認書類"],
    rule: allOf(on("death"), selfMoving({ enrolledIn: dog })),
  }),
];
