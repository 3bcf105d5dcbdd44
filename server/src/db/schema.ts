import type { CertificateQuote, CertificateQuoteRequest } from "@ichimado/core/certificates/api";
import type { ColumnType, Generated } from "kysely";

/**
 * Table types as Kysely sees them. Each area's tables are declared here so one `Database` type
 * covers every query; the SQL that creates them lives in migrations/.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CounterTable {
  id: string;
  name: string;
  kind: "department" | "branchOffice";
  department: string;
  place: string | null;
  active: Generated<boolean>;
  sort_order: Generated<number>;
}

export interface RoleTable {
  id: string;
  name: string;
  functions: string[];
  visible_programmes: string[];
  accepted_programmes: string[];
}

export interface StaffUserTable {
  id: Generated<number>;
  login_id: string;
  name: string;
  name_kana: string | null;
  department: string | null;
  password_hash: string;
  valid_from: string;
  valid_to: string | null;
  disabled: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface StaffAssignmentTable {
  staff_id: number;
  counter_id: string;
  role_id: string;
}

export interface StaffSessionTable {
  token_hash: string;
  staff_id: number;
  counter_id: string | null;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  client_ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  staff_id: number | null;
  login_id: string | null;
  counter_id: string | null;
  action: string;
  target: string;
  person_ids: string[];
  detail: Json<Record<string, unknown>>;
  outcome: string;
  client_ip: string | null;
  prev_hash: string;
  hash: string;
}

// The register (common database); the app role reads it, loaders write it as the owner.
export interface AddressTownTable {
  code: string;
  name: string;
  name_kana: string;
  area: string;
  postal_code: string;
  chome_count: number;
  elementary_school: string;
  junior_high_school: string;
}

export interface HouseholdTable {
  id: string;
  head_person_id: string;
  town_code: string;
  lot: string;
  katagaki: string;
  formed_on: string | null;
}

export interface PersonTable {
  id: string;
  kind: "resident" | "nonResident" | "corporation";
  resident_code: string | null;
  household_id: string | null;
  relationship: string | null;
  name: string;
  name_kana: string;
  name_alpha: string | null;
  alias: string | null;
  alias_kana: string | null;
  birth_date: string | null;
  sex: "male" | "female" | null;
  nationality: string | null;
  residence_status: string | null;
  residence_period_to: string | null;
  status: "active" | "movedOut" | "deceased" | "erased";
  status_date: string | null;
  town_code: string | null;
  lot: string | null;
  katagaki: string | null;
  outside_address: string | null;
  corporate_number: string | null;
  representative: string | null;
  resident_since: string | null;
  card_expires_on: string | null;
  search_name: string;
  search_kana: string;
  search_address: string;
}

export interface ResidenceChangeTable {
  id: Generated<number>;
  person_id: string;
  kind: string;
  occurred_on: string;
  notified_on: string | null;
  from_address: string | null;
  to_address: string | null;
  previous_name: string | null;
  previous_name_kana: string | null;
  previous_search_name: string | null;
  previous_search_kana: string | null;
  from_address_key: string | null;
}

export interface EnrollmentTable {
  /** The feed that delivered it (the partition it lives in). */
  feed: string;
  person_id: string;
  programme: string;
  role: string;
  holder_person_id: string | null;
  from_date: string;
  to_date: string | null;
  attributes: Json<Record<string, string | number | boolean>>;
}

export interface SupportMeasureTable {
  person_id: string;
  kind: string;
  from_date: string;
  to_date: string | null;
  requested_by: string | null;
}

export interface IssuanceBanTable {
  person_id: string;
  reason: string;
  from_date: string | null;
}

export interface ArrearsTable {
  person_id: string;
  programme: string;
  fiscal_year: number;
  amount: number;
}

export interface RegistryMemoTable {
  person_id: string;
  text: string;
  written_on: string;
}

export interface MoveOutCertificateTable {
  person_id: string;
  issued_on: string;
  planned_on: string;
  destination: string;
  card_based: boolean;
}

export interface GaijiTable {
  city_code: string;
  text: string;
  mj_code: string | null;
  note: string;
}

export interface ImportRunTable {
  id: Generated<number>;
  feed: string;
  mode: "full" | "differential";
  source: "dropFolder" | "upload" | "api" | "cli" | "demo";
  file_name: string;
  encoding: string | null;
  started_at: GeneratedTimestamp;
  finished_at: Timestamp | null;
  status: "queued" | "running" | "succeeded" | "rejected" | "failed" | "interrupted";
  rows_total: number;
  rows_loaded: number;
  rows_rejected: number;
  problem_count: number;
  problems: Json<{ line: number | null; column: string | null; reason: string }[]>;
  warnings: Json<string[]>;
  message: string | null;
  staff_id: number | null;
}

export interface FeedSettingTable {
  feed: string;
  header_map: Json<Record<string, string>>;
  encoding: Generated<"auto" | "utf-8" | "cp932">;
  reject_threshold: Generated<number>;
  updated_at: GeneratedTimestamp;
  updated_by: number | null;
}

export interface SupportMeasureAckTable {
  token_hash: string;
  person_id: string;
  household_id: string | null;
  acknowledged_at: GeneratedTimestamp;
}

export interface RelatedPersonTable {
  id: Generated<number>;
  person_id: string;
  related_person_id: string;
  relation: string;
  note: Generated<string>;
  created_by: number;
  created_at: GeneratedTimestamp;
}

// Reception (受付): cases and their steps.
export interface IdentityDocumentKindTable {
  key: string;
  name: string;
  tier: "photo" | "a" | "b";
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface CatalogVersionTable {
  version: number;
  catalog: Json<unknown>;
  note: Generated<string>;
  created_by: number | null;
  created_at: GeneratedTimestamp;
}

export interface ReceptionCaseTable {
  id: Generated<number>;
  channel: "visit" | "mailIntake" | "exOfficio";
  status: Generated<"open" | "suspended" | "closed" | "cancelled">;
  opened_by: number;
  opened_counter: string;
  opened_at: GeneratedTimestamp;
  updated_by: number;
  updated_counter: string;
  updated_at: GeneratedTimestamp;
  visitor: Json<unknown> | null;
  identity_check: Json<unknown> | null;
  closed_at: Timestamp | null;
}

export interface CaseSubjectTable {
  id: Generated<number>;
  case_id: number;
  person_id: string | null;
  typed: Json<unknown> | null;
  added_by: number;
  added_at: GeneratedTimestamp;
}

export interface CaseResidenceChangeTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  input: Json<unknown>;
  answers: ColumnType<Record<string, string>, string | undefined, string>;
  created_by: number;
  created_counter: string;
  created_at: GeneratedTimestamp;
}

export interface CaseProcedureTable {
  id: Generated<number>;
  case_id: number;
  residence_change_id: number | null;
  procedure_key: string;
  catalog_version: number;
  definition: Json<unknown>;
  person_id: string | null;
  person_name: string | null;
  source: "derived" | "manual";
  reasons: Json<string[]>;
  status: Generated<string>;
  updated_by: number;
  updated_counter: string;
  updated_at: GeneratedTimestamp;
}

export interface CaseMemoTable {
  id: Generated<number>;
  case_id: number;
  text: string;
  created_by: number;
  created_counter: string;
  created_at: GeneratedTimestamp;
}

export interface CaseCertificateRequestTable {
  id: Generated<number>;
  case_id: number;
  requester: Json<CertificateQuoteRequest["requester"]>;
  lines: Json<CertificateQuoteRequest["lines"]>;
  fees: Json<CertificateQuote["lines"]>;
  total: number;
  instructions: Generated<string>;
  created_by: number;
  created_counter: string;
  created_at: GeneratedTimestamp;
}

/** Insert-only versions of the certificate settings; the newest is in force. */
export interface CertificateSettingsTable {
  version: number;
  settings: Json<unknown>;
  created_by: number | null;
  created_at: GeneratedTimestamp;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  scopes: string[];
  created_by: number | null;
  created_at: GeneratedTimestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface RpaJobTable {
  id: Generated<number>;
  scenario: string;
  case_id: number;
  source: string;
  subject: string;
  payload: Json<unknown>;
  status: Generated<"queued" | "running" | "failed" | "done" | "dead" | "cancelled">;
  attempts: Generated<number>;
  max_attempts: number;
  available_at: GeneratedTimestamp;
  lease_until: Date | null;
  robot: string | null;
  last_error: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  finished_at: Date | null;
}

export interface NoticeTable {
  id: Generated<number>;
  title: string;
  body: string;
  importance: Generated<"normal" | "important">;
  /** null: every member of staff */
  audience_counters: string[] | null;
  shown_from: string;
  shown_to: string | null;
  created_by: number;
  created_at: GeneratedTimestamp;
  updated_by: number;
  updated_at: GeneratedTimestamp;
  withdrawn_at: Date | null;
}

export interface NoticeReadTable {
  notice_id: number;
  staff_id: number;
  read_at: GeneratedTimestamp;
}

export interface MemoTemplateTable {
  id: Generated<number>;
  /** null: shared by every counter */
  counter_id: string | null;
  use: "caseMemo" | "certificateInstructions";
  text: string;
  sort_order: Generated<number>;
  /** null: installed with the system */
  created_by: number | null;
  created_at: GeneratedTimestamp;
  updated_by: number | null;
  updated_at: GeneratedTimestamp;
  deleted_at: Date | null;
}

export interface ServiceLevelDailyTable {
  day: string;
  instance: string;
  requests: Generated<number>;
  within_goal: Generated<number>;
  server_errors: Generated<number>;
  excluded: Generated<number>;
}

export interface ServiceHeartbeatTable {
  minute: Date | string;
}

export interface PlannedOutageTable {
  id: Generated<number>;
  starts_at: Date | string;
  ends_at: Date | string;
  reason: string;
  created_by: string;
  created_at: GeneratedTimestamp;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  summary: string;
  staff_id: number;
  counter_id: string;
  at: GeneratedTimestamp;
}

export interface DocumentBasePdfTable {
  id: Generated<number>;
  name: string;
  sha256: string;
  pages: Json<{ width: number; height: number }[]>;
  bytes: Buffer;
  /** null: an initial form shipped with the system */
  uploaded_by: number | null;
  uploaded_at: GeneratedTimestamp;
}

export interface DocumentTemplateTable {
  key: string;
  version: number;
  name: string;
  base_pdf_id: number;
  fields: Json<unknown>;
  valid_from: string;
  valid_to: string | null;
  /** null: an initial form shipped with the system */
  created_by: number | null;
  created_at: GeneratedTimestamp;
}

export interface DocumentLeafletTable {
  key: string;
  version: number;
  name: string;
  pdf_id: number;
  created_by: number | null;
  created_at: GeneratedTimestamp;
}

export interface PrintedDocumentTable {
  id: Generated<number>;
  case_id: number;
  job: string;
  kind: "form" | "guideSheet" | "certificateRequestForm";
  template_key: string | null;
  template_version: number | null;
  procedure_id: number | null;
  procedure_name: string | null;
  person_ids: string[];
  inputs: Json<unknown>;
  address_owners: Json<Record<string, string>>;
  reprint_of: number | null;
  printed_by: number;
  printed_counter: string;
  printed_at: GeneratedTimestamp;
}

export interface Database {
  counter: CounterTable;
  role: RoleTable;
  staff_user: StaffUserTable;
  staff_assignment: StaffAssignmentTable;
  staff_session: StaffSessionTable;
  audit_log: AuditLogTable;
  address_town: AddressTownTable;
  household: HouseholdTable;
  person: PersonTable;
  residence_change: ResidenceChangeTable;
  enrollment: EnrollmentTable;
  support_measure: SupportMeasureTable;
  issuance_ban: IssuanceBanTable;
  arrears: ArrearsTable;
  registry_memo: RegistryMemoTable;
  move_out_certificate: MoveOutCertificateTable;
  gaiji: GaijiTable;
  import_run: ImportRunTable;
  feed_setting: FeedSettingTable;
  support_measure_ack: SupportMeasureAckTable;
  related_person: RelatedPersonTable;
  identity_document_kind: IdentityDocumentKindTable;
  catalog_version: CatalogVersionTable;
  reception_case: ReceptionCaseTable;
  case_subject: CaseSubjectTable;
  case_residence_change: CaseResidenceChangeTable;
  case_procedure: CaseProcedureTable;
  case_memo: CaseMemoTable;
  case_certificate_request: CaseCertificateRequestTable;
  certificate_settings: CertificateSettingsTable;
  api_token: ApiTokenTable;
  rpa_job: RpaJobTable;
  notice: NoticeTable;
  notice_read: NoticeReadTable;
  memo_template: MemoTemplateTable;
  service_level_daily: ServiceLevelDailyTable;
  service_heartbeat: ServiceHeartbeatTable;
  planned_outage: PlannedOutageTable;
  case_event: CaseEventTable;
  document_base_pdf: DocumentBasePdfTable;
  document_template: DocumentTemplateTable;
  document_leaflet: DocumentLeafletTable;
  printed_document: PrintedDocumentTable;
}
