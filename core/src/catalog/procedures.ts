import { z } from "zod";
import { templateKeySchema } from "../documents/template.ts";
import { programmeKeySchema } from "../programmes/programmes.ts";
import { conditionSchema } from "./rules.ts";

/**
 * A procedure (手続き) as the catalog defines it (P49). Issue "Procedure catalog" adds editing,
 * versions, questions, forms and leaflets; reception needs the fields below to derive and route.
 */
export const procedureScopes = ["household", "person"] as const;
export const procedureScopeSchema = z.enum(procedureScopes);
export type ProcedureScope = z.infer<typeof procedureScopeSchema>;

export const procedureDefinitionSchema = z
  .object({
    /** stable key, e.g. "nhi-loss" */
    key: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, "手続きキーは英小文字・数字・ハイフンで入力してください"),
    name: z.string().min(1).max(80),
    programme: programmeKeySchema,
    /** household: one per household of the 住民異動届; person: one per member the rule matches as "self" */
    scope: procedureScopeSchema,
    /** counter (窓口) that handles it; another counter refers the visitor there */
    counterId: z.string().min(1).max(40),
    guidance: z.string().min(1).max(2000),
    legalBasis: z.string().min(1).max(200),
    bring: z.array(z.string().min(1).max(100)).max(20),
    /** null: never derived, only added by hand */
    rule: conditionSchema.nullable(),
    /** check items (F24): keys of navigation questions asked once this procedure is in the list */
    questions: z.array(z.string().min(1).max(41)).max(20).default([]),
    /** form templates (様式キー) printed for it, filled from the register, the case and the answers */
    forms: z.array(templateKeySchema).max(20).default([]),
    /** leaflets (案内チラシ) handed out with it: attached after its forms when printed */
    leaflets: z.array(templateKeySchema).max(10).default([]),
    /** roles (役割) that may take it; none named: any role whose programmes include its programme */
    handlingRoles: z
      .array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/, "役割IDが正しくありません"))
      .max(20)
      .default([]),
    validFrom: z.string().date().nullable().default(null),
    validTo: z.string().date().nullable().default(null),
  })
  .strict();
export type ProcedureDefinition = z.infer<typeof procedureDefinitionSchema>;
