import type { ProgrammeKey } from "../programmes/programmes.ts";
import type {
  EnrollmentRole,
  PersonKind,
  PersonStatus,
  Relationship,
  ResidenceChangeKind,
  Sex,
} from "./codes.ts";

/**
 * The common database's records as the core systems deliver them (feeds) and the synthetic city
 * generates them. Dates are ISO strings (YYYY-MM-DD); text keeps its exact characters, gaiji
 * included (IVS sequences, non-BMP), never NFC/NFKC-normalised.
 */
export interface AddressTown {
  code: string;
  name: string;
  nameKana: string;
  /** 旧市町 area the town belongs to (出雲, 平田, 佐田, 多伎, 湖陵, 大社, 斐川). */
  area: string;
  postalCode: string;
  /** Highest 丁目 (0 when the town has none). */
  chomeCount: number;
  elementarySchool: string;
  juniorHighSchool: string;
}

export interface Address {
  townCode: string;
  /** 丁目, 番地 and 号 as written after the town name, e.g. "2丁目15番地3". */
  lot: string;
  /** 方書 (building and room), empty when none. */
  katagaki: string;
}

export interface HouseholdRecord {
  id: string;
  headPersonId: string;
  address: Address;
  formedOn: string;
}

export interface PersonRecord {
  id: string;
  kind: PersonKind;
  residentCode: string | null;
  householdId: string | null;
  relationship: Relationship | null;
  name: string;
  nameKana: string;
  /** Alphabet name of a foreign resident, as on the residence card. */
  nameAlpha: string | null;
  /** 通称 and its reading. */
  alias: string | null;
  aliasKana: string | null;
  birthDate: string | null;
  sex: Sex | null;
  nationality: string | null;
  residenceStatus: string | null;
  residencePeriodTo: string | null;
  status: PersonStatus;
  statusDate: string | null;
  address: Address | null;
  /** Free-text address outside the city (住登外者, moved-out persons, corporations elsewhere). */
  outsideAddress: string | null;
  corporateNumber: string | null;
  representative: string | null;
  /** 住民となった日; for a corporation, its 設立日. */
  residentSince: string | null;
  /** 個人番号カードの有効期限, null when no card was issued. */
  cardExpiresOn: string | null;
}

export interface ResidenceChangeRecord {
  personId: string;
  kind: ResidenceChangeKind;
  occurredOn: string;
  notifiedOn: string;
  fromAddress: string | null;
  toAddress: string | null;
  previousName: string | null;
  previousNameKana: string | null;
}

export interface EnrollmentRecord {
  personId: string;
  programme: ProgrammeKey;
  role: EnrollmentRole;
  /** The household member the enrollment is held through (e.g. the 受給者 of a child). */
  holderPersonId: string | null;
  fromDate: string;
  toDate: string | null;
  attributes: Record<string, string | number | boolean>;
}

export interface SupportMeasureRecord {
  personId: string;
  kind: "dv" | "stalker" | "childAbuse" | "other";
  fromDate: string;
  toDate: string;
  requestedBy: string;
}

export interface IssuanceBanRecord {
  personId: string;
  reason: string;
  fromDate: string;
}

export interface ArrearsRecord {
  personId: string;
  programme: ProgrammeKey;
  fiscalYear: number;
  amount: number;
}

export interface RegistryMemoRecord {
  personId: string;
  text: string;
  writtenOn: string;
}

export interface MoveOutCertificateRecord {
  personId: string;
  issuedOn: string;
  plannedOn: string;
  destination: string;
  /** マイナンバーカードによる特例転出 (no paper certificate). */
  cardBased: boolean;
}

export interface GaijiRecord {
  /** The city's own code for the character in its core systems. */
  cityCode: string;
  /** The character as Unicode, with its IVS when the glyph needs one. */
  text: string;
  /** MJ文字図形名 (e.g. MJ000001) when the city has mapped it. */
  mjCode: string | null;
  note: string;
}

/** Everything the generator makes; the loader writes it, the feed writer (later) turns it into files. */
export interface CityData {
  seed: number;
  towns: AddressTown[];
  households: HouseholdRecord[];
  persons: PersonRecord[];
  residenceChanges: ResidenceChangeRecord[];
  enrollments: EnrollmentRecord[];
  supportMeasures: SupportMeasureRecord[];
  issuanceBans: IssuanceBanRecord[];
  arrears: ArrearsRecord[];
  memos: RegistryMemoRecord[];
  moveOutCertificates: MoveOutCertificateRecord[];
  gaiji: GaijiRecord[];
}
