import { describe, expect, it } from "vitest";
import { defaultProcedures, defaultQuestions } from "../catalog/default-catalog.ts";
import { defaultFormFields, defaultForms } from "./default-forms.ts";
import { serviceForms } from "./service-forms.ts";
import { answerKeyOf, fieldPlacementProblems, templateSaveSchema } from "./template.ts";

const a4 = [{ width: 210, height: 297 }];

describe("the default forms", () => {
  it("are valid templates on A4, each field inside the page and named once", () => {
    for (const form of defaultForms) {
      const fields = defaultFormFields(form);
      const parsed = templateSaveSchema.safeParse({
        key: form.key,
        name: form.name,
        basePdfId: 1,
        fields,
        validFrom: "2020-01-01",
      });
      expect(parsed.success, form.key).toBe(true);
      expect(fieldPlacementProblems(fields, a4), form.key).toEqual([]);
      // Boxes do not overlap: a field never prints over another box's label.
      for (const [i, a] of form.boxes.entries())
        for (const b of form.boxes.slice(i + 1)) {
          const apart =
            a.x + a.width <= b.x + 0.001 ||
            b.x + b.width <= a.x + 0.001 ||
            a.y + a.height <= b.y ||
            b.y + b.height <= a.y;
          expect(apart, `${form.key}: ${a.label} / ${b.label}`).toBe(true);
        }
    }
  });

  it("cover every form the default catalog names, and ask only its questions", () => {
    const keys = new Set(defaultForms.map((f) => f.key));
    const named = new Set(defaultProcedures.flatMap((p) => p.forms));
    expect([...named].filter((k) => !keys.has(k))).toEqual([]);
    expect(named.size).toBeGreaterThan(0);
    const questions = new Set(defaultQuestions.map((q) => q.key));
    for (const form of defaultForms)
      for (const field of defaultFormFields(form)) {
        const key = answerKeyOf(field.source);
        if (key !== null) expect(questions.has(key), `${form.key}.${field.name}`).toBe(true);
      }
  });

  it("are each named by a procedure, and read only answers their procedures ask", () => {
    const navigation = new Set(defaultQuestions.filter((q) => q.askWhen !== null).map((q) => q.key));
    for (const form of defaultForms) {
      const procedures = defaultProcedures.filter((p) => p.forms.includes(form.key));
      expect(procedures.length, form.key).toBeGreaterThan(0);
      // The forms beyond 市民課 are stricter: every procedure printing them asks what they read.
      const strict = serviceForms.includes(form);
      for (const field of defaultFormFields(form)) {
        const key = answerKeyOf(field.source);
        if (key === null) continue;
        const asking = procedures.filter((p) => p.questions.includes(key));
        const asked =
          navigation.has(key) || (strict ? asking.length === procedures.length : asking.length > 0);
        expect(asked, `${form.key}.${field.name}: ${key}`).toBe(true);
      }
    }
    expect(serviceForms.length).toBeGreaterThanOrEqual(8);
    expect(new Set(defaultForms.map((f) => f.key)).size).toBe(defaultForms.length);
  });
});
