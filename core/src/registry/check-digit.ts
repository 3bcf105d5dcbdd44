/**
 * Modulus-11 check digits (weights 2–7 from the right), as used by the 住民票コード and the city's
 * 宛名番号. A remainder of 0 or 1 gives check digit 0, as in the register's own rule.
 */
export function mod11CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error("check digit body must be digits");
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    const weight = (i % 6) + 2;
    sum += digit * weight;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

export function withCheckDigit(body: string): string {
  return `${body}${mod11CheckDigit(body)}`;
}

export function hasValidCheckDigit(code: string, length: number): boolean {
  if (code.length !== length || !/^\d+$/.test(code)) return false;
  return mod11CheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** 住民票コード: 11 digits, the last a check digit. */
export const isResidentCode = (code: string): boolean => hasValidCheckDigit(code, 11);

/** 宛名番号 (city-internal): 10 digits, the last a check digit. */
export const isPersonId = (code: string): boolean => hasValidCheckDigit(code, 10);

/**
 * 法人番号: 13 digits whose first digit checks the other twelve (weights 1 and 2 alternating from
 * the right, modulus 9), as the National Tax Agency publishes it.
 */
export function corporateCheckDigit(base: string): number {
  if (!/^\d{12}$/.test(base)) throw new Error("corporate number base must be 12 digits");
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}

export function isCorporateNumber(code: string): boolean {
  return /^\d{13}$/.test(code) && corporateCheckDigit(code.slice(1)) === Number(code[0]);
}
