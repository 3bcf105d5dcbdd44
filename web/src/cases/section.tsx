import type { ButtonHTMLAttributes, FormEvent, ReactNode, Ref } from "react";
import { focusRing, primaryButton, secondaryButton } from "../app/ui.tsx";

export const linkClass = `text-blue-900 underline ${focusRing}`;
const dangerOutlineButton = `inline-flex min-h-10 items-center justify-center whitespace-nowrap rounded-8 border border-red-900 bg-white px-3 text-std-16B-170 text-red-900 hover:bg-red-50 ${focusRing}`;

/**
 * One part of the case screen. The heading takes focus when what had focus inside the section is
 * gone (a removed row, a form replaced by its result).
 */
export function CaseSection({
  id,
  title,
  headingRef,
  children,
}: {
  id: string;
  title: string;
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2
        id={`${id}-heading`}
        ref={headingRef}
        tabIndex={-1}
        className={`self-start text-std-20B-150 outline-none ${focusRing}`}
      >
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A form below a section's list (届出の入力, 手続きの追加 …), named by its own heading. */
export function SectionForm({
  id,
  title,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-4 border-t border-solid-gray-420 pt-4"
    >
      <h3 id={`${id}-heading`} className="text-std-18B-160">
        {title}
      </h3>
      {children}
    </form>
  );
}

/** A polite message that a step was saved; visible, since sighted staff need it too. */
export function SavedMessage({ message }: { message: string }) {
  return (
    <p role="status" className={message ? "text-dns-16N-130 text-green-1000" : "sr-only"}>
      {message}
    </p>
  );
}

/**
 * A button that stays focusable while its step is being saved (aria-disabled, not disabled): a
 * disabled button drops keyboard focus to the page. Clicks while pending are ignored.
 */
export function StepButton({
  pending,
  variant = "primary",
  onClick,
  className = "",
  children,
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "disabled"> & {
  ref?: Ref<HTMLButtonElement>;
  pending: boolean;
  variant?: "primary" | "secondary" | "danger";
}) {
  const look =
    variant === "primary" ? primaryButton : variant === "secondary" ? secondaryButton : dangerOutlineButton;
  return (
    <button
      type="button"
      {...rest}
      aria-disabled={pending || undefined}
      className={`${look} ${pending ? "opacity-60" : ""} ${className}`}
      onClick={(event) => {
        if (pending) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {children}
    </button>
  );
}

/** Shown in place of a section's form when the case takes no input (保留中・完了・取消). */
export function ReadOnlyNote({ children }: { children: ReactNode }) {
  return <p className="text-dns-14N-130 text-solid-gray-700">{children}</p>;
}
