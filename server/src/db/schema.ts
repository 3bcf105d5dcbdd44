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

export interface Database {
  counter: CounterTable;
  role: RoleTable;
  staff_user: StaffUserTable;
  staff_assignment: StaffAssignmentTable;
  staff_session: StaffSessionTable;
  audit_log: AuditLogTable;
}
