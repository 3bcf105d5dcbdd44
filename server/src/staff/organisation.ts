import type { Role } from "@ichimado/core/auth/permissions";
import type { CounterSummary } from "@ichimado/core/auth/schemas";

/**
 * The default organisation of a city of 出雲市's shape: the 本庁 sections that take notifications
 * and the 行政センター that do everything at one desk. A city edits these in the admin screen.
 */
export const defaultCounters: (CounterSummary & { department: string })[] = [
  { id: "shimin", name: "市民課", kind: "department", department: "市民課", place: "本庁舎1階 1番窓口" },
  {
    id: "hokennenkin",
    name: "保険年金課",
    kind: "department",
    department: "保険年金課",
    place: "本庁舎1階 5番窓口",
  },
  {
    id: "koreisha",
    name: "高齢者福祉課",
    kind: "department",
    department: "高齢者福祉課",
    place: "本庁舎1階 8番窓口",
  },
  {
    id: "kenko",
    name: "健康増進課",
    kind: "department",
    department: "健康増進課",
    place: "本庁舎1階 10番窓口",
  },
  {
    id: "fukushi",
    name: "福祉推進課",
    kind: "department",
    department: "福祉推進課",
    place: "本庁舎1階 12番窓口",
  },
  {
    id: "shiminzei",
    name: "市民税課",
    kind: "department",
    department: "市民税課",
    place: "本庁舎2階 21番窓口",
  },
  {
    id: "kodomo",
    name: "子ども政策課",
    kind: "department",
    department: "子ども政策課",
    place: "本庁舎1階 15番窓口",
  },
  {
    id: "hoiku",
    name: "保育幼稚園課",
    kind: "department",
    department: "保育幼稚園課",
    place: "本庁舎1階 16番窓口",
  },
  {
    id: "kankyo",
    name: "環境政策課",
    kind: "department",
    department: "環境政策課",
    place: "本庁舎3階 31番窓口",
  },
  {
    id: "jutaku",
    name: "建築住宅課",
    kind: "department",
    department: "建築住宅課",
    place: "本庁舎3階 35番窓口",
  },
  { id: "johoseisaku", name: "情報政策課", kind: "department", department: "情報政策課", place: "本庁舎4階" },
  ...(
    [
      ["hirata", "平田行政センター"],
      ["sada", "佐田行政センター"],
      ["taki", "多伎行政センター"],
      ["koryo", "湖陵行政センター"],
      ["taisha", "大社行政センター"],
      ["hikawa", "斐川行政センター"],
    ] as const
  ).map(([id, name]) => ({
    id,
    name: `${name} 市民サービス課`,
    kind: "branchOffice" as const,
    department: "市民サービス課",
    place: `${name} 1階`,
  })),
];

const clerk = ["search", "reception", "print"] as const;

export const defaultRoles: Role[] = [
  {
    id: "residentClerk",
    name: "市民課窓口",
    functions: [...clerk, "certificates"],
    visibleProgrammes: [
      "residency",
      "familyRegister",
      "myNumberCard",
      "sealRegistration",
      "nationalHealthInsurance",
      "nationalPension",
      "lateElderlyMedical",
      "longTermCare",
      "childAllowance",
      "childMedical",
      "schoolDistrict",
    ],
    acceptedProgrammes: ["residency", "familyRegister", "myNumberCard", "sealRegistration"],
  },
  {
    id: "insuranceClerk",
    name: "保険年金課窓口",
    functions: [...clerk],
    visibleProgrammes: [
      "residency",
      "nationalHealthInsurance",
      "nationalPension",
      "lateElderlyMedical",
      "longTermCare",
    ],
    acceptedProgrammes: ["nationalHealthInsurance", "nationalPension", "lateElderlyMedical"],
  },
  {
    id: "elderlyCareClerk",
    name: "高齢者福祉課窓口",
    functions: [...clerk],
    visibleProgrammes: ["residency", "longTermCare", "lateElderlyMedical"],
    acceptedProgrammes: ["longTermCare"],
  },
  {
    id: "healthClerk",
    name: "健康増進課窓口",
    functions: [...clerk],
    visibleProgrammes: ["residency", "medicalSubsidy", "childMedical", "childSupport"],
    // 母子保健 (低体重児届, 妊婦健診) is keyed childSupport and taken at 健康増進課.
    acceptedProgrammes: ["medicalSubsidy", "childSupport"],
  },
  {
    id: "welfareClerk",
    name: "福祉推進課窓口",
    functions: [...clerk],
    visibleProgrammes: [
      "residency",
      "disabilityWelfare",
      "severeDisabilityMedical",
      "publicAssistance",
      "medicalSubsidy",
    ],
    acceptedProgrammes: [
      "disabilityWelfare",
      "severeDisabilityMedical",
      "publicAssistance",
      "medicalSubsidy",
    ],
  },
  {
    id: "taxClerk",
    name: "市民税課窓口",
    functions: [...clerk, "certificates"],
    visibleProgrammes: ["residency", "residentTax", "collection", "arrears"],
    acceptedProgrammes: ["residentTax", "collection"],
  },
  {
    id: "childClerk",
    name: "子ども政策課窓口",
    functions: [...clerk],
    visibleProgrammes: [
      "residency",
      "childAllowance",
      "childRearingAllowance",
      "specialChildRearingAllowance",
      "childMedical",
      "singleParentMedical",
      "childSupport",
      "schoolAid",
      "schoolDistrict",
    ],
    acceptedProgrammes: [
      "childAllowance",
      "childRearingAllowance",
      "specialChildRearingAllowance",
      "childMedical",
      "singleParentMedical",
      "childSupport",
      "schoolAid",
    ],
  },
  {
    id: "nurseryClerk",
    name: "保育幼稚園課窓口",
    functions: [...clerk],
    visibleProgrammes: ["residency", "nurseryKindergarten", "childAllowance"],
    acceptedProgrammes: ["nurseryKindergarten"],
  },
  {
    id: "branchClerk",
    name: "行政センター窓口",
    functions: [...clerk, "certificates"],
    visibleProgrammes: [
      "residency",
      "familyRegister",
      "myNumberCard",
      "sealRegistration",
      "nationalHealthInsurance",
      "nationalPension",
      "lateElderlyMedical",
      "longTermCare",
      "childAllowance",
      "childMedical",
      "schoolDistrict",
      "dogRegistration",
      "residentTax",
    ],
    acceptedProgrammes: [
      "residency",
      "familyRegister",
      "myNumberCard",
      "sealRegistration",
      "nationalHealthInsurance",
      "nationalPension",
      "lateElderlyMedical",
      "longTermCare",
      "childAllowance",
      "childMedical",
      "dogRegistration",
    ],
  },
  {
    id: "supervisor",
    name: "窓口責任者",
    functions: ["supportMeasureView", "statistics", "export", "noticeAdmin"],
    visibleProgrammes: [],
    acceptedProgrammes: [],
  },
  {
    id: "systemAdmin",
    name: "システム管理者",
    functions: ["staffAdmin", "catalogAdmin", "dataFeedAdmin", "noticeAdmin", "statistics", "export"],
    visibleProgrammes: [],
    acceptedProgrammes: [],
  },
  {
    id: "auditor",
    name: "監査担当",
    functions: ["auditView"],
    visibleProgrammes: [],
    acceptedProgrammes: [],
  },
];

export const demoPassword = "ichimado-demo-1";

/** Demo accounts (demo mode only); README lists them. */
export const demoStaff: {
  loginId: string;
  name: string;
  department: string;
  mustChangePassword: boolean;
  assignments: [counterId: string, roleId: string][];
}[] = [
  {
    loginId: "shimin01",
    name: "市民 花子",
    department: "市民課",
    mustChangePassword: false,
    assignments: [
      ["shimin", "residentClerk"],
      ["hokennenkin", "insuranceClerk"],
    ],
  },
  {
    loginId: "hoken01",
    name: "保険 太郎",
    department: "保険年金課",
    mustChangePassword: false,
    assignments: [["hokennenkin", "insuranceClerk"]],
  },
  {
    loginId: "kakari01",
    name: "出雲 誠",
    department: "市民課",
    mustChangePassword: false,
    assignments: [
      ["shimin", "residentClerk"],
      ["shimin", "supervisor"],
    ],
  },
  {
    loginId: "center01",
    name: "平田 恵",
    department: "平田行政センター",
    mustChangePassword: false,
    assignments: [["hirata", "branchClerk"]],
  },
  {
    loginId: "admin",
    name: "管理 一郎",
    department: "情報政策課",
    mustChangePassword: false,
    assignments: [["johoseisaku", "systemAdmin"]],
  },
  {
    loginId: "audit01",
    name: "監査 次郎",
    department: "情報政策課",
    mustChangePassword: false,
    assignments: [["johoseisaku", "auditor"]],
  },
  {
    loginId: "newstaff",
    name: "新人 さくら",
    department: "市民課",
    mustChangePassword: true,
    assignments: [["shimin", "residentClerk"]],
  },
];
