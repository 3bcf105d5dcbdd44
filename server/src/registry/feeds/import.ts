import type { FeedEncoding } from "@ichimado/core/feeds/columns";
import { type FeedLayout, feedLayoutById, feedLayouts } from "@ichimado/core/feeds/layouts";
import type { FeedSetting } from "@ichimado/core/feeds/schemas";
import { sql } from "kysely";
import type { OwnerDb } from "../../db/owner.ts";
import { FontCoverage } from "../gaiji/font-coverage.ts";
import { decodeFeed } from "./decode.ts";
import { readSetting } from "./queries.ts";
import { type FileProblem, openFeedCsv } from "./read-csv.ts";
import { applyFeedChanges, dropAbandonedStages, stageFeedData } from "./swap.ts";
import { feedTableStream, feedTables, type TargetContext } from "./targets.ts";
import { recordValidator, type ValidRow } from "./validate.ts";

export type ImportSource = "dropFolder" | "upload" | "api" | "cli" | "demo";

export interface ImportRequest {
  feedId: string;
  fileName: string;
  bytes: Uint8Array;
  differential: boolean;
  source: ImportSource;
  encoding?: FeedEncoding;
  staffId?: number | null;
  /** A run already recorded as queued (uploads answer with its id before the import starts). */
  runId?: number;
  /** The file already read (see `prepareFeed`). */
  prepared?: PreparedFeed;
}

export interface ImportOutcome {
  runId: number;
  status: "succeeded" | "rejected" | "failed";
  rowsTotal: number;
  rowsLoaded: number;
  rowsRejected: number;
  problems: FileProblem[];
  warnings: string[];
  message: string;
}

/** Problems kept with the run (the count is always exact; the list is capped to stay readable). */
const keptProblems = 1_000;

/**
 * One delivery of one feed, start to finish: decode, read, validate every row, check references,
 * then either refuse the file (file-level error, or more bad rows than the feed's threshold) or
 * load it. The run and its outcome are recorded whatever happens.
 */
export interface ImportOptions {
  /** The font the counter draws names with; sequences it lacks are reported as warnings. */
  fontFile?: string | undefined;
  /** Bytes per piece the file is read in (tests make it small to cut a small file often). */
  pieceBytes?: number;
}

export async function importFeed(
  db: OwnerDb,
  request: ImportRequest,
  appRole: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const layout = feedLayoutById.get(request.feedId);
  if (!layout) throw new Error(`unknown feed ${request.feedId}`);
  // One import at a time, across server instances; whoever holds the lock may clear up after the dead.
  await sql`select pg_advisory_lock(${importLockKey})`.execute(db);
  // Index builds after the load (trigram GIN above all) are several times faster with more memory;
  // this is the import's own connection, so the counter's connections keep the defaults.
  await sql`set maintenance_work_mem = '256MB'`.execute(db);
  // A parallel index build takes every core for itself (measured: the counter's search p99 went
  // from 10 to 27 ms on two cores while B-trees were built); the import may take longer instead.
  await sql`set max_parallel_maintenance_workers = 0`.execute(db);
  try {
    await clearAbandoned(db);
    return await importLocked(db, layout, request, appRole, options);
  } finally {
    await sql`select pg_advisory_unlock(${importLockKey})`.execute(db);
  }
}

const importLockKey = 0x1c41d0;

/** Feeds whose rows are 宛名 (person rows). */
const personTargets = new Set(["residents", "nonResidents", "corporations"]);

/** Records a run as queued and returns its id. */
export async function queueRun(
  db: OwnerDb,
  request: Omit<ImportRequest, "bytes" | "runId">,
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into import_run (feed, mode, source, file_name, encoding, status, staff_id)
    values (${request.feedId}, ${request.differential ? "differential" : "full"}, ${request.source}, ${request.fileName},
      ${request.encoding ?? null}, 'queued', ${request.staffId ?? null})
    returning id`.execute(db);
  return (rows[0] as { id: number }).id;
}

/** Runs left 'running' by a process that died, and their stage tables, are closed and dropped. */
async function clearAbandoned(db: OwnerDb): Promise<void> {
  await dropAbandonedStages(db);
  await sql`update import_run set status = 'interrupted', finished_at = now(),
    message = '取込が中断されました (処理が停止)。データは変更されていません'
    where status = 'running'`.execute(db);
}

async function importLocked(
  db: OwnerDb,
  layout: FeedLayout,
  request: ImportRequest,
  appRole: string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const setting = await readSetting(db, layout.id);
  const encoding = request.encoding ?? setting.encoding;
  const runId = request.runId ?? (await queueRun(db, request));
  await sql`update import_run set status = 'running', started_at = now(), encoding = ${encoding} where id = ${runId}`.execute(
    db,
  );
  let outcome: ImportOutcome;
  try {
    outcome = await run(db, runId, layout, request, encoding, setting, appRole, options);
  } catch (error) {
    outcome = {
      runId,
      status: "failed",
      rowsTotal: 0,
      rowsLoaded: 0,
      rowsRejected: 0,
      problems: [],
      warnings: [],
      message: `取込中にエラーが発生し、データは変更されていません: ${(error as Error).message}`,
    };
  }
  await sql`
    update import_run set status = ${outcome.status}, finished_at = now(), rows_total = ${outcome.rowsTotal},
      rows_loaded = ${outcome.rowsLoaded}, rows_rejected = ${outcome.rowsRejected},
      problem_count = ${outcome.problems.length}, problems = ${JSON.stringify(outcome.problems.slice(0, keptProblems))},
      warnings = ${JSON.stringify(outcome.warnings)}, message = ${outcome.message}
    where id = ${runId}`.execute(db);
  return outcome;
}

async function run(
  db: OwnerDb,
  runId: number,
  layout: FeedLayout,
  request: ImportRequest,
  encoding: FeedEncoding,
  setting: FeedSetting,
  appRole: string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const parsed =
    request.prepared &&
    request.prepared.encoding === encoding &&
    JSON.stringify(request.prepared.headerMap) === JSON.stringify(setting.headerMap)
      ? await request.prepared.result
      : await parseFeed(db, layout, request, encoding, setting, { pieceBytes: options.pieceBytes });
  const problems: FileProblem[] = [...parsed.problems];
  const warnings = [...parsed.warnings];
  const base = { runId, warnings };
  const notCsv = (): ImportOutcome => ({
    ...base,
    status: "rejected",
    rowsTotal: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    problems,
    message: "ファイルの形式が正しくないため取り込みませんでした",
  });
  if (parsed.fileErrors) return notCsv();
  const context = { townNames: await townNames(db) };
  const tables = feedTableStream(layout, context);
  const glyphs = options.fontFile ? glyphCheck(layout, await loadFont(options.fontFile)) : undefined;
  // A full delivery is staged piece by piece as it is read; a differential one (small by nature)
  // is kept and applied in one transaction at the end.
  const staged = request.differential ? undefined : stageFeedData(db, runId, appRole);
  const changes: ValidRow[] = [];
  let rowsRead = 0;
  let rowsLoaded = 0;
  let committed = false;
  try {
    for await (const piece of parsed.pieces) {
      if (piece.fileError) {
        problems.push(piece.fileError);
        return notCsv();
      }
      rowsRead += piece.rowsRead;
      append(problems, piece.problems);
      const references = await checkReferences(db, layout, piece.rows);
      append(problems, references.errors);
      const good =
        references.badLines.size > 0
          ? piece.rows.filter((r) => !references.badLines.has(r.line))
          : piece.rows;
      glyphs?.check(good);
      rowsLoaded += good.length;
      if (staged) await staged.add(tables.add(good.map((r) => r.values)));
      else append(changes, good);
    }
    if (glyphs) append(warnings, glyphs.warnings());
    const rowsTotal = rowsRead + parsed.brokenLines;
    const rowsRejected = rowsTotal - rowsLoaded;
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (rowsTotal > 0 && rowsRejected / rowsTotal > setting.rejectThreshold) {
      return {
        ...base,
        status: "rejected",
        rowsTotal,
        rowsLoaded: 0,
        rowsRejected,
        problems,
        message: `不正な行が ${rowsRejected} 行 (${percent(rowsRejected / rowsTotal)}) あり、許容値 ${percent(setting.rejectThreshold)} を超えたため、ファイル全体を取り込みませんでした`,
      };
    }
    if (staged) {
      await staged.add(tables.end());
      await staged.commit();
      committed = true;
    } else await applyDifferential(db, layout, changes, context);
    return {
      ...base,
      status: "succeeded",
      rowsTotal,
      rowsLoaded,
      rowsRejected,
      problems,
      message:
        rowsRejected > 0
          ? `${rowsLoaded} 行を取り込み、不正な ${rowsRejected} 行を除外しました`
          : `${rowsLoaded} 行を取り込みました`,
    };
  } finally {
    // A refused or failed delivery leaves nothing behind (a dead process's stages go at the next start).
    if (staged && !committed) await staged.abandon().catch(() => undefined);
  }
}

async function applyDifferential(
  db: OwnerDb,
  layout: FeedLayout,
  good: readonly ValidRow[],
  context: TargetContext,
): Promise<void> {
  const tablesOf = (rows: readonly ValidRow[]) =>
    feedTables(
      layout,
      rows.map((r) => r.values),
      context,
    );
  const deletions = tablesOf(good.filter((r) => r.change === "delete"));
  if (layout.target.kind === "residents") {
    // A changed or removed resident's 支援措置 and 発行禁止 are replaced by what the row says now.
    const everyone = good.map((r) => ({ person_id: r.values.personId }));
    deletions.owned.push(
      { table: "support_measure", keys: ["person_id"], rows: everyone },
      { table: "issuance_ban", keys: ["person_id"], rows: everyone },
    );
  }
  await applyFeedChanges(db, tablesOf(good.filter((r) => r.change !== "delete")), deletions);
}

/** Pushes without spreading: a spread of some hundred thousand items overflows the call stack. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

/** One piece of a file, read and validated (references to other feeds are checked at import). */
interface FeedPiece {
  rows: ValidRow[];
  /** Records in the piece, good or bad. */
  rowsRead: number;
  /** Its row and cell problems. */
  problems: FileProblem[];
  /** The piece is not CSV: the file is refused. */
  fileError?: FileProblem;
}

interface ParsedFeed {
  /** File-level and encoding problems found before the rows. */
  problems: FileProblem[];
  /** The file cannot be read at all (header, columns): nothing below it counts. */
  fileErrors: boolean;
  warnings: string[];
  brokenLines: number;
  pieces: AsyncIterable<FeedPiece> | Iterable<FeedPiece>;
}

/** A feed file read ahead (while the previous feed loads), with what it was read with. */
export interface PreparedFeed {
  encoding: FeedEncoding;
  headerMap: FeedSetting["headerMap"];
  result: Promise<ParsedFeed>;
}

/**
 * Files up to this size are read ahead whole; a larger one (the 住民基本台帳 of a city of millions)
 * is read piece by piece while it loads, as holding it validated would take gigabytes.
 */
const readAheadBytes = 64 * 1024 * 1024;

/**
 * Reads the next file of a delivery while the database loads the current one: decoding, CSV and
 * validation are CPU work of this process, which would otherwise leave the database idle. It
 * yields between steps and every few thousand rows, so the load it runs beside keeps its pace. The
 * import uses it only if the setting it was read with is still the feed's setting.
 */
export async function prepareFeed(
  db: OwnerDb,
  request: Pick<ImportRequest, "feedId" | "bytes" | "differential" | "encoding">,
): Promise<PreparedFeed | undefined> {
  const layout = feedLayoutById.get(request.feedId);
  if (!layout) throw new Error(`unknown feed ${request.feedId}`);
  if (request.bytes.length > readAheadBytes) return undefined;
  const setting = await readSetting(db, layout.id);
  const encoding = request.encoding ?? setting.encoding;
  const result = parseFeed(db, layout, request, encoding, setting, { yielding: true }).then(
    async (parsed) => {
      const pieces: FeedPiece[] = [];
      for await (const piece of parsed.pieces) pieces.push(piece);
      return { ...parsed, pieces };
    },
  );
  // Failures surface when (and if) the import uses it.
  result.catch(() => undefined);
  return { encoding, headerMap: setting.headerMap, result };
}

async function parseFeed(
  db: OwnerDb,
  layout: FeedLayout,
  request: Pick<ImportRequest, "bytes" | "differential">,
  encoding: FeedEncoding,
  setting: FeedSetting,
  how: { yielding?: boolean; pieceBytes?: number | undefined } = {},
): Promise<ParsedFeed> {
  const pause = how.yielding ? () => new Promise<void>((resolve) => setImmediate(resolve)) : undefined;
  await pause?.();
  const decoded = decodeFeed(request.bytes, encoding, how.pieceBytes);
  await pause?.();
  const csv = openFeedCsv(decoded.pieces, layout, {
    differential: request.differential,
    headerMap: setting.headerMap,
  });
  const problems: FileProblem[] = [
    ...csv.fileErrors,
    ...decoded.brokenLines.map((line) => ({
      line,
      column: null,
      reason: `文字コード (${decoded.encoding === "cp932" ? "Shift_JIS/CP932" : "UTF-8"}) として読めないバイトがあります`,
    })),
  ];
  const gaiji = layout.target.kind === "gaiji" ? new Map<string, string>() : await gaijiMap(db);
  const validate = recordValidator(layout, gaiji, pause);
  async function* pieces(): AsyncGenerator<FeedPiece> {
    for (const piece of csv.pieces) {
      if (piece.fileError) {
        yield { rows: [], rowsRead: 0, problems: [], fileError: piece.fileError };
        return;
      }
      const validated = await validate(piece.records);
      const rowsRead = piece.records.length + piece.rowErrors.length;
      const problems = piece.rowErrors;
      append(problems, validated.errors);
      yield { rows: validated.rows, rowsRead, problems };
      await pause?.();
    }
  }
  return {
    problems,
    fileErrors: csv.fileErrors.length > 0,
    warnings: csv.warnings,
    brokenLines: decoded.brokenLines.length,
    pieces: pieces(),
  };
}

async function townNames(db: OwnerDb): Promise<Map<string, string>> {
  const { rows } = await sql<{ code: string; name: string }>`select code, name from address_town`.execute(db);
  return new Map(rows.map((r) => [r.code, r.name]));
}

async function gaijiMap(db: OwnerDb): Promise<Map<string, string>> {
  const { rows } = await sql<{ city_code: string; text: string }>`select city_code, text from gaiji`.execute(
    db,
  );
  return new Map(rows.map((r) => [r.city_code.toUpperCase(), r.text]));
}

/** References to other feeds' data (宛名番号, 町字コード) must resolve; a row that does not is refused. */
async function checkReferences(
  db: OwnerDb,
  layout: FeedLayout,
  rows: readonly ValidRow[],
): Promise<{ errors: FileProblem[]; badLines: Set<number> }> {
  const errors: FileProblem[] = [];
  const badLines = new Set<number>();
  const refs: { field: string; known: () => Promise<Set<string>>; reason: string }[] = [];
  const persons = () => knownPersons(db);
  const towns = lazy(
    async () =>
      new Set(
        (await sql<{ code: string }>`select code from address_town`.execute(db)).rows.map((r) => r.code),
      ),
  );
  const kind = layout.target.kind;
  if (kind === "residents" || kind === "corporations")
    refs.push({ field: "townCode", known: towns, reason: "住所関連マスタにない町字コードです" });
  if (
    kind === "enrollments" ||
    kind === "arrears" ||
    kind === "registryMemos" ||
    kind === "moveOutCertificates"
  ) {
    refs.push({ field: "personId", known: persons, reason: "共通データベースにない宛名番号です" });
  }
  if (kind === "enrollments")
    refs.push({
      field: "holderPersonId",
      known: persons,
      reason: "関係者宛名番号が共通データベースにありません",
    });
  for (const ref of refs) {
    const known = await ref.known();
    const header = layout.columns.find((c) => c.field === ref.field)?.header ?? ref.field;
    for (const row of rows) {
      const value = row.values[ref.field];
      if (row.change === "delete" || value === null || value === undefined || known.has(String(value)))
        continue;
      errors.push({ line: row.line, column: header, reason: `${ref.reason}: ${value}` });
      badLines.add(row.line);
    }
  }
  return { errors, badLines };
}

/**
 * The 宛名番号 in the register, read once for all the feeds of a delivery (seventeen feeds refer to
 * them) and again only after a 宛名 feed has been imported since.
 */
const personIds = new WeakMap<OwnerDb, { version: number; ids: Promise<Set<string>> }>();
const personFeeds = feedLayouts.filter((l) => personTargets.has(l.target.kind)).map((l) => l.id);

async function knownPersons(db: OwnerDb): Promise<Set<string>> {
  const { rows } = await sql<{ version: number }>`
    select coalesce(max(id), 0)::int as version from import_run
    where feed = any(${personFeeds}) and status = 'succeeded'`.execute(db);
  const version = rows[0]?.version ?? 0;
  let cached = personIds.get(db);
  if (cached?.version !== version) {
    // One row with every id, not 200,000 rows: a fraction of the time to read.
    const ids = sql<{ ids: string | null }>`select string_agg(id, ',') as ids from person`
      .execute(db)
      .then((r) => new Set(r.rows[0]?.ids?.split(",") ?? []));
    cached = { version, ids };
    personIds.set(db, cached);
  }
  return cached.ids;
}

const shownGlyphs = 50;

/** Characters in the delivered text the counter's font cannot draw (one warning per distinct sequence). */
function glyphCheck(
  layout: FeedLayout,
  font: FontCoverage,
): { check: (rows: readonly ValidRow[]) => void; warnings: () => string[] } {
  const textColumns = layout.columns.filter((c) => c.type === "text");
  const first = new Map<string, string>();
  return {
    check(rows) {
      for (const row of rows) {
        for (const column of textColumns) {
          const value = row.values[column.field];
          if (typeof value !== "string" || !/[^\u0020-\u007E]/.test(value)) continue;
          for (const glyph of font.missing(value)) {
            if (!first.has(glyph)) first.set(glyph, `${row.line}行目 ${column.header}`);
          }
        }
      }
    },
    warnings() {
      const warnings = [...first].slice(0, shownGlyphs).map(([glyph, where]) => {
        const codes = [...glyph]
          .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`)
          .join(" ");
        return `フォント (${font.name.split("/").pop()}) で表示できない文字: ${glyph} (${codes}) — 最初は ${where}`;
      });
      if (first.size > shownGlyphs)
        warnings.push(`… ほか ${first.size - shownGlyphs} 種類の表示できない文字`);
      return warnings;
    },
  };
}

const fonts = new Map<string, Promise<FontCoverage>>();
function loadFont(file: string): Promise<FontCoverage> {
  let font = fonts.get(file);
  if (!font) {
    font = FontCoverage.load(file);
    fonts.set(file, font);
  }
  return font;
}

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load();
    return value;
  };
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(fraction < 0.01 ? 2 : 1)}%`;
}
