import { useEffect, useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { dateHint, TextInput } from "./fields.tsx";

/**
 * A list screen's filter kept in the URL, so back and reload show the same list. The form edits a
 * copy, shown afresh when back or forward changes the URL; `show` goes to a new filter, or fetches an
 * unchanged one again. The page's heading (`heading`) takes the focus on arrival.
 */
export function useUrlFilter<F>(
  pathname: string,
  fromParams: (params: URLSearchParams) => F,
  toQuery: (filter: F) => string,
) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filter = fromParams(params);
  const query = toQuery(filter);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const [form, setForm] = useState(filter);
  const [shownQuery, setShownQuery] = useState(query);
  if (shownQuery !== query) {
    setShownQuery(query);
    setForm(filter);
  }
  const show = (next: F, refetch: () => void) => {
    const nextQuery = toQuery(next);
    if (nextQuery === query) refetch();
    else navigate({ pathname, search: `?${nextQuery}` });
  };
  return { query, heading, form, setForm, show };
}

/** 受付日 (から・まで): the period of receipt both lists filter by, as typed (read with readDate). */
export function ReceivedDates({
  id,
  from,
  to,
  errors,
  onChange,
}: {
  id: string;
  from: string;
  to: string;
  errors: { from?: string; to?: string };
  onChange: (end: "from" | "to", value: string) => void;
}) {
  return (
    <>
      <TextInput
        id={`${id}-from`}
        label="受付日 (から)"
        hint={dateHint}
        value={from}
        error={errors.from}
        onChange={(e) => onChange("from", e.currentTarget.value)}
      />
      <TextInput
        id={`${id}-to`}
        label="受付日 (まで)"
        value={to}
        error={errors.to}
        onChange={(e) => onChange("to", e.currentTarget.value)}
      />
    </>
  );
}
