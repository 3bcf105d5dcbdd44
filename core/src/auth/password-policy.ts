/** Password rules for staff accounts; the same text is shown on the change-password screen. */
export const passwordMinLength = 12;

export const passwordPolicyMessage = `${passwordMinLength}文字以上で、英字・数字・記号のうち2種類以上を含めてください`;

export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if ([...password].length < passwordMinLength) {
    problems.push(`パスワードは${passwordMinLength}文字以上にしてください`);
  }
  const kinds = [/[A-Za-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 2) problems.push("パスワードには英字・数字・記号のうち2種類以上を含めてください");
  if (/^(.)\1*$/u.test(password)) problems.push("同じ文字だけのパスワードは使えません");
  return problems;
}
