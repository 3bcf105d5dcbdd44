import { type ReactNode, useEffect, useRef } from "react";

/** A result's heading takes focus when it appears, so keyboard and screen-reader users land on it. */
export function FocusedHeading({
  id,
  children,
  className = "text-std-20B-150",
}: {
  id: string;
  children: ReactNode;
  className?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <h2 ref={heading} id={id} tabIndex={-1} className={`${className} outline-none`}>
      {children}
    </h2>
  );
}
