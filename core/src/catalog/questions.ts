import { z } from "zod";
import { conditionSchema } from "./rules.ts";

/**
 * A navigation question (F24–25): asked during reception, answered once per 住民異動届, read by
 * the rules (`answer` conditions) and printed on the forms that use it. Branching is a condition:
 * `askWhen` is evaluated over the facts of the 住民異動届, answers so far included, so a question can
 * depend on the event, the household or an earlier answer.
 */
export const answerKinds = ["yesNo", "choice", "text", "date", "number"] as const;
export const answerKindSchema = z.enum(answerKinds);
export type AnswerKind = z.infer<typeof answerKindSchema>;

export const questionDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{1,40}$/, "質問キーは英字で始まる英数字で入力してください"),
    /** the question as staff read it to the visitor */
    text: z.string().min(1).max(200),
    /** a short label for lists, reasons and rule descriptions ("出生時の体重が2,500g未満か") */
    label: z.string().min(1).max(60),
    help: z.string().max(1000).default(""),
    answerKind: answerKindSchema,
    /** for choice: the values and their labels (yesNo implies yes/no) */
    choices: z
      .array(z.object({ value: z.string().min(1).max(40), label: z.string().min(1).max(60) }).strict())
      .max(20)
      .default([]),
    /** when to ask it; null: only when a procedure in the list names it */
    askWhen: conditionSchema.nullable(),
  })
  .strict()
  .refine((q) => q.answerKind !== "choice" || q.choices.length >= 2, {
    message: "選択式の質問には選択肢を2つ以上設定してください",
    path: ["choices"],
  });
export type QuestionDefinition = z.infer<typeof questionDefinitionSchema>;

/** The values a yes/no question takes. */
export const yesNoChoices: readonly { value: string; label: string }[] = [
  { value: "yes", label: "はい" },
  { value: "no", label: "いいえ" },
];

/** The values a question offers: its choices, yes/no for a yes/no question, none for free input. */
export const choicesOf = (question: Pick<QuestionDefinition, "answerKind" | "choices">) =>
  question.answerKind === "yesNo" ? yesNoChoices : question.answerKind === "choice" ? question.choices : [];
