import {
  type CounterCreate,
  type CounterUpdate,
  counterAdminSchema,
  counterListSchema,
  type RoleCreate,
  type RoleUpdate,
  roleAdminSchema,
  roleListSchema,
  type StaffCreate,
  type StaffUpdate,
  staffImportPreviewSchema,
  staffImportResultSchema,
  staffListSchema,
  staffSavedSchema,
} from "@ichimado/core/staff/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, apiUpload, saveBlob } from "../app/api.ts";

const staffKey = ["admin-staff"] as const;
const countersKey = ["admin-counters"] as const;
const rolesKey = ["admin-roles"] as const;

export const useStaffList = () =>
  useQuery({ queryKey: staffKey, queryFn: () => apiRequest("GET", "/admin/staff", staffListSchema) });
export const useCounters = () =>
  useQuery({ queryKey: countersKey, queryFn: () => apiRequest("GET", "/admin/counters", counterListSchema) });
export const useRoles = () =>
  useQuery({ queryKey: rolesKey, queryFn: () => apiRequest("GET", "/admin/roles", roleListSchema) });

/** A change to staff, counters or roles: every list is read again, as each shows the others' names. */
function useAdminMutation<A, T>(fn: (args: A) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all(
        [staffKey, countersKey, rolesKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export const useCreateStaff = () =>
  useAdminMutation((body: StaffCreate) => apiRequest("POST", "/admin/staff", staffSavedSchema, body));
export const useUpdateStaff = () =>
  useAdminMutation(({ id, body }: { id: string; body: StaffUpdate }) =>
    apiRequest("PUT", `/admin/staff/${id}`, staffSavedSchema, body),
  );
export type AccountAction = "disable" | "enable" | "unlock" | "reset-password";
export const useAccountAction = () =>
  useAdminMutation(
    ({ id, action, expectedUpdatedAt }: { id: string; action: AccountAction; expectedUpdatedAt: string }) =>
      apiRequest("POST", `/admin/staff/${id}/${action}`, staffSavedSchema, { expectedUpdatedAt }),
  );

export const useSaveCounter = () =>
  useAdminMutation((change: { create: CounterCreate } | { id: string; update: CounterUpdate }) =>
    "create" in change
      ? apiRequest("POST", "/admin/counters", counterAdminSchema, change.create)
      : apiRequest("PUT", `/admin/counters/${change.id}`, counterAdminSchema, change.update),
  );
export const useSaveRole = () =>
  useAdminMutation((change: { create: RoleCreate } | { id: string; update: RoleUpdate }) =>
    "create" in change
      ? apiRequest("POST", "/admin/roles", roleAdminSchema, change.create)
      : apiRequest("PUT", `/admin/roles/${change.id}`, roleAdminSchema, change.update),
  );

export const previewImport = (file: Blob, disableAbsent: boolean) =>
  apiUpload(`/admin/staff/import/preview?disableAbsent=${disableAbsent}`, file, staffImportPreviewSchema);

export const useApplyImport = () =>
  useAdminMutation((args: { file: Blob; token: string; disableAbsent: boolean; skipBadRows: boolean }) => {
    const query = new URLSearchParams({
      token: args.token,
      disableAbsent: String(args.disableAbsent),
      skipBadRows: String(args.skipBadRows),
    });
    return apiUpload(`/admin/staff/import/apply?${query}`, args.file, staffImportResultSchema);
  });

/** Hands a file made here (the template, the one-time passwords) to the browser's save. */
export function saveFile(content: string, fileName: string): void {
  // BOM: Excel opens UTF-8 CSV as such only with it.
  saveBlob(new Blob([`\uFEFF${content}`], { type: "text/csv;charset=utf-8" }), fileName);
}
