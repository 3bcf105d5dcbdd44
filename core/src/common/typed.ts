import { toHalfWidth } from "./wareki.ts";

/** A whole number as staff type it (全角 digits and minus too); NaN for anything else. */
export function typedInteger(text: string): number {
  const digits = toHalfWidth(text.trim());
  return /^-?\d{1,9}$/.test(digits) ? Number(digits) : Number.NaN;
}
