import type { Sex } from "../registry/codes.ts";
import { addressKey } from "../search/address.ts";
import { defaultVariants, foldVariants, type VariantMap } from "../search/variants.ts";
import type { CardBasicInfo } from "./schemas.ts";

/**
 * The card's 基本4情報 against the register. The chip holds text in JIS levels 1–2 only, so where
 * the register has an MJ character (髙, 𠮷, a city's gaiji) the card has a 代替文字: a plain
 * mismatch would send staff after a difference that is not one. The register stays the truth for
 * the spelling; the card is a draft and a search key.
 */
export type ReconcileStatus = "same" | "notation" | "substitute" | "different" | "unknown";

export const reconcileStatusLabels: Record<ReconcileStatus, string> = {
  same: "一致",
  notation: "表記の違いのみ",
  substitute: "代替文字の可能性",
  different: "相違",
  unknown: "確認できません",
};

export type ReconcileField = "name" | "address" | "birthDate" | "sex";

export interface FieldReconciliation {
  field: ReconcileField;
  card: string | null;
  register: string | null;
  status: ReconcileStatus;
}

export interface RegisterPerson {
  name: string;
  birthDate: string | null;
  sex: Sex | null;
  /** Null when the register's address may not be shown (支援措置) or is not recorded. */
  address: string | null;
}

const spaces = /[\s\u3000]/g;
const selectors = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;
const selector = /^(?:[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF])$/;

/**
 * Whether the register's character is one the chip cannot hold, so the card shows another in its
 * place: outside the BMP (𠮷), private use (a city's gaiji), a CJK compatibility ideograph (﨑,
 * 塚 U+FA10), a known 異体字, or written with a variation selector. The card's 〓 (geta) is the
 * usual mark for a character it could not write.
 */
function chipCannotHold(registerChar: string, cardChar: string, variants: VariantMap): boolean {
  if (cardChar === "〓") return true;
  const code = registerChar.codePointAt(0) ?? 0;
  if (code > 0xffff || (code >= 0xe000 && code <= 0xf8ff) || (code >= 0xf900 && code <= 0xfaff)) return true;
  // A known 異体字 only stands for its own group: 髙 for 高, never 髙 for 森.
  return foldVariants(registerChar, variants) === foldVariants(cardChar, variants);
}

/** One character per element, a variation selector kept with the character it follows. */
function characters(text: string): string[] {
  const out: string[] = [];
  for (const c of text) {
    if (selector.test(c) && out.length > 0) out[out.length - 1] += c;
    else out.push(c);
  }
  return out;
}

/** Equal apart from characters the chip writes with a 代替文字. */
function onlySubstitutes(card: string, register: string, variants: VariantMap): boolean {
  if (foldVariants(card, variants) === foldVariants(register, variants)) return true;
  const a = characters(card);
  const b = characters(register);
  if (a.length !== b.length) return false;
  return a.every((c, i) => {
    const r = b[i] ?? "";
    return c === r || chipCannotHold(r.replace(selectors, ""), c, variants) || r.replace(selectors, "") === c;
  });
}

function compareText(card: string, register: string, variants: VariantMap): ReconcileStatus {
  const a = card.replace(spaces, "");
  const b = register.replace(spaces, "");
  if (a === b) return "same";
  return onlySubstitutes(a, b, variants) ? "substitute" : "different";
}

const noVariants: VariantMap = new Map();

/**
 * The two addresses lined up: the card always writes the prefecture and city, the register often
 * starts at the town, so the card's extra head is dropped when it ends like a prefecture or city.
 */
function alignedTails(card: string, register: string): [string, string] | null {
  const a = characters(card);
  const b = characters(register);
  if (a.length === b.length) return [card, register];
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  const head = longer.slice(0, longer.length - shorter.length).join("");
  if (!/[都道府県市区町村郡]$/.test(head)) return null;
  const tail = longer.slice(longer.length - shorter.length).join("");
  return a.length > b.length ? [tail, register] : [card, tail];
}

/** Addresses also differ in notation (2丁目15番3号 / 2-15-3), which is no difference at all. */
function compareAddress(card: string, register: string, variants: VariantMap): ReconcileStatus {
  if (card.replace(spaces, "") === register.replace(spaces, "")) return "same";
  const tails = alignedTails(addressKey(card, noVariants), addressKey(register, noVariants));
  if (!tails) return "different";
  if (tails[0] === tails[1]) return "notation";
  return onlySubstitutes(tails[0], tails[1], variants) ? "substitute" : "different";
}

export function reconcileWithRegister(
  card: CardBasicInfo,
  person: RegisterPerson,
  variants: VariantMap = defaultVariants,
): FieldReconciliation[] {
  return [
    {
      field: "name",
      card: card.name,
      register: person.name,
      status: compareText(card.name, person.name, variants),
    },
    {
      field: "address",
      card: card.address,
      register: person.address,
      status: person.address === null ? "unknown" : compareAddress(card.address, person.address, variants),
    },
    {
      field: "birthDate",
      card: card.birthDate,
      register: person.birthDate,
      status:
        card.birthDate === null || person.birthDate === null
          ? "unknown"
          : card.birthDate === person.birthDate
            ? "same"
            : "different",
    },
    {
      field: "sex",
      card: card.sex,
      register: person.sex,
      status:
        card.sex === null || person.sex === null ? "unknown" : card.sex === person.sex ? "same" : "different",
    },
  ];
}
