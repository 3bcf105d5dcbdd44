import { foundation } from "./0001_foundation.ts";
import { registry } from "./0002_registry.ts";
import { feeds } from "./0003_feeds.ts";
import { search } from "./0004_search.ts";
import { cases } from "./0005_cases.ts";
import { searchKeys } from "./0006_search_keys.ts";
import { auditLink } from "./0007_audit_link.ts";
import { documents } from "./0008_documents.ts";
import { defaultForms } from "./0009_default_forms.ts";
import { leaflets } from "./0010_leaflets.ts";
import { certificateRequests } from "./0011_certificate_requests.ts";
import { requestFormPrints } from "./0012_request_form_prints.ts";
import { requestInstructions } from "./0013_request_instructions.ts";
import { certificateSettings } from "./0014_certificate_settings.ts";
import { rpaJobs } from "./0015_rpa_jobs.ts";
import { apiTokenGrants } from "./0016_api_token_grants.ts";
import { notices } from "./0017_notices.ts";
import { memoTemplates } from "./0018_memo_templates.ts";
import { auditViewer } from "./0020_audit_viewer.ts";
import { serviceLevel } from "./0021_service_level.ts";
import { procedureProgress } from "./0022_procedure_progress.ts";
import { enrollmentNumbers } from "./0023_enrollment_numbers.ts";
import { printHistoryIndex } from "./0024_print_history_index.ts";
import { progressProgrammeIndex } from "./0025_progress_programme_index.ts";
import type { AppMigration } from "./types.ts";

/** In order; names are stored in schema_migration and must never change once released. */
export const migrations: Record<string, AppMigration> = {
  "0001_foundation": foundation,
  "0002_registry": registry,
  "0003_feeds": feeds,
  "0004_search": search,
  "0005_cases": cases,
  "0006_search_keys": searchKeys,
  "0007_audit_link": auditLink,
  "0008_documents": documents,
  "0009_default_forms": defaultForms,
  "0010_leaflets": leaflets,
  "0011_certificate_requests": certificateRequests,
  "0012_request_form_prints": requestFormPrints,
  "0013_request_instructions": requestInstructions,
  "0014_certificate_settings": certificateSettings,
  "0015_rpa_jobs": rpaJobs,
  "0016_api_token_grants": apiTokenGrants,
  "0017_notices": notices,
  "0018_memo_templates": memoTemplates,
  "0020_audit_viewer": auditViewer,
  "0021_service_level": serviceLevel,
  "0022_procedure_progress": procedureProgress,
  "0023_enrollment_numbers": enrollmentNumbers,
  "0024_print_history_index": printHistoryIndex,
  "0025_progress_programme_index": progressProgrammeIndex,
};
