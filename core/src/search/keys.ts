import { foldKana } from "./kana.ts";
import { foldVariants, type VariantMap } from "./variants.ts";

/**
 * Search keys stored beside each 宛名 and computed the same way from what staff type, so that a
 * substring match on the key is a match by the register's rules. Several names (氏名, 通称, alphabet
 * name) go into one key separated by "/", which neither folding produces.
 */
export function nameSearchKey(names: readonly (string | null | undefined)[], variants?: VariantMap): string {
  return names
    .filter((n): n is string => Boolean(n))
    .map((n) => nameQueryKey(n, variants))
    .join("/");
}

export function nameQueryKey(text: string, variants?: VariantMap): string {
  return foldVariants(text, variants)
    .replace(/[\s\u3000・･]/g, "")
    .toUpperCase();
}

export function kanaSearchKey(readings: readonly (string | null | undefined)[]): string {
  return readings
    .filter((n): n is string => Boolean(n))
    .map(foldKana)
    .join("/");
}
