import type { ProcedureDefinition } from "../procedures.ts";
import { allOf, answered, on, procedure, selfMoving, someMoving, someRemaining } from "./build.ts";

const dog = { programme: "dogRegistration" } as const;
const housing = { programme: "publicHousing" } as const;

/**
 * 福祉推進課, 市民税課, 畜犬 (環境政策課) and 市営住宅 (建築住宅課).
 */
export const livingProcedures: ProcedureDefinition[] = [
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
    key: "dog-location-change",
    name: "畜犬 所在地変更届",
    programme: "dogRegistration",
    scope: "person",
    counterId: "kankyo",
    guidance:
      "登録犬の所有者が市内で転居したときは30日以内に所在地変更を届け出る。市外へ転出するときは、転出先の市区町村に当市の鑑札を持参して届け出るよう案内する（当市への届出は要らず、転出先から通知が来る）。",
    legalBasis: "狂犬病予防法第4条第4項",
    bring: ["犬の鑑札", "狂犬病予防注射済票"],
    rule: allOf(on("moveOut", "moveWithin"), selfMoving({ enrolledIn: dog })),
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
  }),
  procedure({
    key: "dog-owner-death",
    name: "畜犬 所有者変更届（所有者の死亡）",
    programme: "dogRegistration",
    scope: "person",
    counterId: "kankyo",
    guidance:
      "登録犬の所有者が亡くなったときは、犬を引き継ぐ方が30日以内に所有者の変更を届け出る。犬も死亡しているときは犬の死亡届を受け付ける。",
    legalBasis: "狂犬病予防法第4条第4項",
    bring: ["犬の鑑札", "新しい所有者の本人確認書類"],
    rule: allOf(on("death"), selfMoving({ enrolledIn: dog })),
  }),
  procedure({
    key: "public-housing-move-out",
    name: "市営住宅 退去届・同居者異動届",
    programme: "publicHousing",
    scope: "household",
    counterId: "jutaku",
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
];
