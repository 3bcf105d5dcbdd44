import { z } from "zod";
import { roleSchema } from "../auth/permissions.ts";
import { counterSummarySchema } from "../auth/schemas.ts";

export const staffSummarySchema = z.object({
  id: z.string(),
  loginId: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  assignments: z.array(z.object({ counterId: z.string(), roleId: z.string() })),
});
export type StaffSummary = z.infer<typeof staffSummarySchema>;

export const staffListSchema = z.object({ staff: z.array(staffSummarySchema) });
export const counterListSchema = z.object({
  counters: z.array(counterSummarySchema.extend({ department: z.string(), active: z.boolean() })),
});
export const roleListSchema = z.object({ roles: z.array(roleSchema) });
