import { type ChangeKind, changeKinds, type FeedRow } from "@ichimado/core/feeds/columns";
import type { FeedLayout } from "@ichimado/core/feeds/layouts";
import { parseValue } from "@ichimado/core/feeds/values";
import type { CsvRecord, FileProblem } from "./read-csv.ts";
import { changeColumn } from "./read-csv.ts";

export interface ValidRow {
  line: number;
  change: ChangeKind | null;
  values: FeedRow;
}

const privateUse = /[\uE000-\uF8FF]/gu;
const pauseEvery = 2_000;
const hasPrivateUse = /[\uE000-\uF8FF]/u;

/**
 * Checks every cell against its column and maps the core systems' private-use gaiji codes to
 * Unicode (with IVS) through the gaiji map. A row with any bad cell is rejected whole, with each
 * problem reported; nothing is guessed.
 */
export function recordValidator(
  layout: FeedLayout,
  gaiji: ReadonlyMap<string, string>,
  /** Called every few thousand rows (to let other work run while a file is read ahead). */
  pause?: () => Promise<void>,
): (records: readonly CsvRecord[]) => Promise<{ rows: ValidRow[]; errors: FileProblem[] }> {
  // Keys seen in the pieces before: a duplicate is one wherever in the file it is.
  const seen = new Set<string>();
  return (records) => validateRecords(layout, records, gaiji, seen, pause);
}

async function validateRecords(
  layout: FeedLayout,
  records: readonly CsvRecord[],
  gaiji: ReadonlyMap<string, string>,
  seen: Set<string>,
  pause?: () => Promise<void>,
): Promise<{ rows: ValidRow[]; errors: FileProblem[] }> {
  const rows: ValidRow[] = [];
  const errors: FileProblem[] = [];
  let sincePause = 0;
  for (const record of records) {
    if (pause && ++sincePause === pauseEvery) {
      sincePause = 0;
      await pause();
    }
    const values: FeedRow = {};
    let ok = true;
    const problem = (column: string | null, reason: string) => {
      errors.push({ line: record.line, column, reason });
      ok = false;
    };
    let change: ChangeKind | null = null;
    if (record.change !== undefined) {
      change = changeKinds[record.change as keyof typeof changeKinds] ?? null;
      if (!change)
        problem(changeColumn, `処理区分が正しくありません: ${record.change} (1 追加 / 2 変更 / 3 削除)`);
    }
    for (const column of layout.columns) {
      let raw = record.cells[column.field] ?? "";
      if (column.type === "text" && hasPrivateUse.test(raw)) {
        const missing = new Set<string>();
        raw = raw.replace(privateUse, (c) => {
          const code = (c.codePointAt(0) ?? 0).toString(16).toUpperCase();
          const mapped = gaiji.get(code);
          if (mapped === undefined) missing.add(code);
          return mapped ?? c;
        });
        if (missing.size > 0) {
          problem(
            column.header,
            `外字マップにない外字コードです: ${[...missing].map((c) => `U+${c}`).join(", ")}`,
          );
          continue;
        }
      }
      // A deleted row needs only its key.
      if (change === "delete" && !layout.keys.includes(column.field)) continue;
      const parsed = parseValue(column, raw);
      if (parsed.ok) values[column.field] = parsed.value;
      else problem(column.header, parsed.reason);
    }
    if (!ok) continue;
    const key = layout.keys.map((k) => String(values[k] ?? "")).join("\u0000");
    if (seen.has(key)) {
      problem(
        null,
        `同じキーの行が重複しています (${layout.keys.map((k) => layout.columns.find((c) => c.field === k)?.header ?? k).join("・")})`,
      );
      continue;
    }
    seen.add(key);
    rows.push({ line: record.line, change, values });
  }
  return { rows, errors };
}
