import { FocusedHeading } from "./focused-heading.tsx";

/** The only sight of a generated password: it takes focus, so a screen reader says it at once. */
export function OneTimePassword({ loginId, password }: { loginId: string; password: string }) {
  return (
    <section
      aria-labelledby="one-time-password-heading"
      className="flex flex-col gap-2 rounded-8 border-2 border-blue-900 bg-blue-50 p-4"
    >
      <FocusedHeading id="one-time-password-heading" className="text-std-18B-160">
        {loginId} の初期パスワード
      </FocusedHeading>
      <p className="font-bold text-error-2">
        この一度だけ表示します。本人に渡してください（いちまどには残りません）。初回ログイン時に変更が必要です。
      </p>
      <label htmlFor="one-time-password" className="text-std-16B-170">
        初期パスワード
      </label>
      <input
        id="one-time-password"
        readOnly
        value={password}
        onFocus={(e) => e.currentTarget.select()}
        className="min-h-12 rounded-8 border border-solid-gray-600 bg-white px-4 font-mono text-dns-16N-130"
      />
    </section>
  );
}
