import type { Issue } from "../cases/form-errors.tsx";
import { issuesOf } from "../cases/form-errors.tsx";

/** Fields whose inner paths the editor does not show one by one: the issue goes to the field. */
const wholeFields = new Set(["rule", "askWhen", "bring", "questions"]);

function fieldPath(rest: string[]): string {
  const [first = "", ...more] = rest;
  return wholeFields.has(first) || more.length === 0 ? first : [first, ...more].join(".");
}

/**
 * The server's problems with a save, as the editor's field paths. A schema failure names
 * `definition.<field>`; the catalog check names the entry by its place in the new catalog
 * (`procedures.12.counterId`). A problem of another entry (a procedure whose rule reads a question
 * whose choices just changed) has no field here, so its message names that entry instead.
 */
export function saveIssues(
  error: unknown,
  saving: { list: "procedures" | "questions"; index: number },
  names: { procedures: readonly string[]; questions: readonly string[] },
): Issue[] {
  return issuesOf(error).map((issue) => {
    const parts = issue.path.split(".");
    if (parts[0] === "definition") return { path: fieldPath(parts.slice(1)), message: issue.message };
    const list = parts[0];
    if ((list === "procedures" || list === "questions") && parts.length >= 2) {
      const index = Number(parts[1]);
      if (list === saving.list && index === saving.index) {
        return { path: fieldPath(parts.slice(2)), message: issue.message };
      }
      const name = names[list][index];
      const what = list === "procedures" ? "手続き" : "質問";
      return { path: "", message: name ? `${what}「${name}」: ${issue.message}` : issue.message };
    }
    return issue;
  });
}
