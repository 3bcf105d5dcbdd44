import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  arrearsProgrammeByCode,
  changeKindByCode,
  codeOf,
  roleByCode,
  sexByCode,
  statusByCode,
  subsidyProgrammeByCode,
  supportKindByCode,
} from "@ichimado/core/feeds/codes";
import type { FeedColumn } from "@ichimado/core/feeds/columns";
import { type FeedLayout, feedLayouts } from "@ichimado/core/feeds/layouts";
import type {
  CityData,
  EnrollmentRecord,
  GaijiRecord,
  IssuanceBanRecord,
  PersonRecord,
  ResidenceChangeRecord,
  SupportMeasureRecord,
} from "@ichimado/core/registry/records";
import { encodeCp932 } from "../csv/cp932.ts";

/**
 * Writes the synthetic city as the 24 CSV feeds (データ連携) a city's core systems deliver, in the
 * layouts of core/src/feeds/layouts.ts: header row, CRLF, RFC 4180 quoting, dates as YYYYMMDD, codes
 * as the vendor writes them, and gaiji replaced by the city's private-use codes (mapped back through
 * the 外字 feed by the importer).
 */

export type FeedFileEncoding = "utf-8" | "cp932";

export interface WrittenFeed {
  feedId: string;
  file: string;
  rows: number;
}

type Cell = string | number | boolean | null | undefined;
type Fields = Record<string, Cell>;

const linesPerPiece = 50_000;

export async function writeFeedFiles(
  city: CityData,
  dir: string,
  options: { encoding: FeedFileEncoding },
): Promise<WrittenFeed[]> {
  await mkdir(dir, { recursive: true });
  const rowsByFeed = feedRows(city);
  const written: WrittenFeed[] = [];
  for (const layout of feedLayouts) {
    const rows = rowsByFeed.get(layout.id) ?? [];
    const file = join(dir, layout.fileName);
    const lines = [headerRow(layout), ...rows];
    // In pieces: a city of millions makes a file longer than the longest string V8 can hold.
    const parts: Buffer[] = [];
    for (let i = 0; i < lines.length; i += linesPerPiece)
      parts.push(encode(toCsv(lines.slice(i, i + linesPerPiece)), options.encoding, layout.fileName, i + 1));
    await writeFile(file, parts);
    written.push({ feedId: layout.id, file, rows: rows.length });
  }
  return written;
}

/** The header row of a layout's file: the columns' Japanese headers, in layout order. */
export function headerRow(layout: FeedLayout): string[] {
  return layout.columns.map((c) => c.header);
}

/**
 * Every feed's data rows (without the header), keyed by feed id, as strings exactly as they go
 * into the file (gaiji already replaced by their private-use codes).
 */
export function feedRows(city: CityData): Map<string, string[][]> {
  const toPua = gaijiReplacer(city.gaiji);
  const result = new Map<string, string[][]>();
  for (const layout of feedLayouts) {
    const rows = recordsOf(city, layout).map((fields) => rowOf(layout, fields, toPua));
    result.set(layout.id, rows);
  }
  return result;
}

function recordsOf(city: CityData, layout: FeedLayout): Fields[] {
  const target = layout.target;
  switch (target.kind) {
    case "residents":
      return residentRows(city);
    case "enrollments": {
      const programmes = new Set<string>(target.programmes);
      return city.enrollments
        .filter((e) => programmes.has(e.programme))
        .map((e) => enrollmentFields(layout, e, target.programmeField));
    }
    case "arrears":
      return city.arrears.map((a) => ({
        personId: a.personId,
        programme: codeOf(
          arrearsProgrammeByCode,
          a.programme as (typeof arrearsProgrammeByCode)[keyof typeof arrearsProgrammeByCode],
        ),
        fiscalYear: a.fiscalYear,
        amount: a.amount,
      }));
    case "nonResidents":
      return city.persons
        .filter((p) => p.kind === "nonResident")
        .map((p) => ({
          personId: p.id,
          name: p.name,
          nameKana: p.nameKana,
          birthDate: p.birthDate,
          sex: p.sex && codeOf(sexByCode, p.sex),
          outsideAddress: p.outsideAddress,
        }));
    case "corporations":
      return city.persons
        .filter((p) => p.kind === "corporation")
        .map((p) => ({
          personId: p.id,
          corporateNumber: p.corporateNumber,
          name: p.name,
          nameKana: p.nameKana,
          representative: p.representative,
          townCode: p.address?.townCode,
          lot: p.address?.lot,
          katagaki: p.address?.katagaki,
          outsideAddress: p.outsideAddress,
          establishedOn: p.residentSince,
        }));
    case "addressMaster":
      return city.towns.map((t) => ({ ...t }));
    case "registryMemos":
      return city.memos.map((m) => ({ personId: m.personId, writtenOn: m.writtenOn, text: m.text }));
    case "moveOutCertificates":
      return city.moveOutCertificates.map((m) => ({
        personId: m.personId,
        issuedOn: m.issuedOn,
        plannedOn: m.plannedOn,
        destination: m.destination,
        cardBased: m.cardBased ? "1" : "0",
      }));
    case "gaiji":
      return city.gaiji.map((g) => ({
        cityCode: g.cityCode,
        unicode: unicodeOf(g.text),
        mjCode: g.mjCode,
        note: g.note,
      }));
  }
}

function residentRows(city: CityData): Fields[] {
  const latestChange = new Map<string, ResidenceChangeRecord>();
  const latestRename = new Map<string, ResidenceChangeRecord>();
  for (const change of city.residenceChanges) {
    const current = latestChange.get(change.personId);
    if (!current || change.occurredOn >= current.occurredOn) latestChange.set(change.personId, change);
    const rename = latestRename.get(change.personId);
    if (change.kind === "nameChange" && (!rename || change.occurredOn >= rename.occurredOn))
      latestRename.set(change.personId, change);
  }
  const support = new Map<string, SupportMeasureRecord>(city.supportMeasures.map((s) => [s.personId, s]));
  const bans = new Map<string, IssuanceBanRecord>();
  for (const ban of city.issuanceBans) {
    const current = bans.get(ban.personId);
    if (!current || ban.fromDate >= current.fromDate) bans.set(ban.personId, ban);
  }
  return city.persons
    .filter((p): p is PersonRecord => p.kind === "resident")
    .map((p) => {
      const change = latestChange.get(p.id);
      const rename = latestRename.get(p.id);
      const measure = support.get(p.id);
      const ban = bans.get(p.id);
      return {
        personId: p.id,
        residentCode: p.residentCode,
        householdId: p.householdId,
        relationship: p.relationship,
        name: p.name,
        nameKana: p.nameKana,
        nameAlpha: p.nameAlpha,
        alias: p.alias,
        aliasKana: p.aliasKana,
        birthDate: p.birthDate,
        sex: p.sex && codeOf(sexByCode, p.sex),
        nationality: p.nationality,
        residenceStatus: p.residenceStatus,
        residencePeriodTo: p.residencePeriodTo,
        status: codeOf(statusByCode, p.status),
        statusDate: p.statusDate,
        townCode: p.address?.townCode,
        lot: p.address?.lot,
        katagaki: p.address?.katagaki,
        outsideAddress: p.outsideAddress,
        residentSince: p.residentSince,
        cardExpiresOn: p.cardExpiresOn,
        lastChangeKind: change && codeOf(changeKindByCode, change.kind),
        lastChangeOn: change?.occurredOn,
        lastNotifiedOn: change?.notifiedOn,
        previousAddress: change?.fromAddress,
        nameChangedOn: rename?.occurredOn,
        previousName: rename?.previousName,
        previousNameKana: rename?.previousNameKana,
        supportMeasure: measure && codeOf(supportKindByCode, measure.kind),
        supportFrom: measure?.fromDate,
        supportTo: measure?.toDate,
        supportRequestedBy: measure?.requestedBy,
        issuanceBan: ban?.reason,
        issuanceBanFrom: ban?.fromDate,
      };
    });
}

function enrollmentFields(
  layout: FeedLayout,
  e: EnrollmentRecord,
  programmeField: string | undefined,
): Fields {
  const fields: Fields = {
    personId: e.personId,
    role: codeOf(roleByCode, e.role),
    fromDate: e.fromDate,
    toDate: e.toDate,
    holderPersonId: e.holderPersonId,
  };
  if (programmeField) {
    fields[programmeField] = codeOf(
      subsidyProgrammeByCode,
      e.programme as (typeof subsidyProgrammeByCode)[keyof typeof subsidyProgrammeByCode],
    );
  }
  for (const [field, value] of Object.entries(e.attributes)) {
    const column = layout.columns.find((c) => c.field === field);
    if (!column)
      throw new Error(`${layout.fileName}: ${e.programme} の属性 ${field} に対応する列がありません`);
    fields[field] = column.type === "code" ? codeFor(layout, column, value) : value;
  }
  return fields;
}

/** A code column's value: the code itself, or the code whose label the generator used (課税 → 1). */
function codeFor(layout: FeedLayout, column: FeedColumn, value: Cell): string {
  const codes = column.codes ?? {};
  const text = String(value);
  if (text in codes) return text;
  const code = Object.entries(codes).find(([, label]) => label === text)?.[0];
  if (code === undefined)
    throw new Error(`${layout.fileName}: ${column.field} の値 ${text} にコードがありません`);
  return code;
}

function rowOf(layout: FeedLayout, fields: Fields, toPua: (text: string) => string): string[] {
  for (const field of Object.keys(fields)) {
    if (!layout.columns.some((c) => c.field === field))
      throw new Error(`${layout.fileName}: 列 ${field} がレイアウトにありません`);
  }
  return layout.columns.map((column) => {
    const value = fields[column.field];
    if (value === null || value === undefined) return "";
    if (typeof value === "boolean") return value ? "1" : "0";
    if (typeof value === "number") return String(value);
    if (column.type === "date") return value.replaceAll("-", "");
    if (column.type === "text" || column.type === "kana") return toPua(value);
    return value;
  });
}

/** 845B_E0102 for 葛 with its IVS, 20BB7 for 𠮷: code points in upper-case hex joined by "_". */
export function unicodeOf(text: string): string {
  return [...text].map((c) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")).join("_");
}

/** The character a core system writes for a gaiji: its private-use code point. */
export function puaOf(gaiji: GaijiRecord): string {
  return String.fromCodePoint(Number.parseInt(gaiji.cityCode, 16));
}

/** Replaces every gaiji's text by its private-use character, longest texts first (IVS before base). */
function gaijiReplacer(gaiji: readonly GaijiRecord[]): (text: string) => string {
  if (gaiji.length === 0) return (text) => text;
  const byText = new Map(gaiji.map((g) => [g.text, puaOf(g)]));
  const alternatives = [...byText.keys()]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(alternatives.join("|"), "gu");
  return (text) => text.replace(pattern, (match) => byText.get(match) ?? match);
}

/** RFC 4180: fields with a comma, quote, CR or LF are quoted (quotes doubled); every line ends CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quote).join(",")}\r\n`).join("");
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** The file's bytes; a character CP932 cannot hold throws, naming it and `source`. */
export function encode(text: string, encoding: FeedFileEncoding, source = "feed", firstLine = 1): Buffer {
  if (encoding === "utf-8") return Buffer.from(text, "utf-8");
  return encodeCp932(text, { source, firstLine }).bytes;
}
