import { type CaseChannel, caseChannelLabels, caseChannels } from "@ichimado/core/cases/schemas";
import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { focusRing, primaryButton } from "../app/ui.tsx";
import { useOpenCase } from "./api.ts";
import { ErrorSummary } from "./form-errors.tsx";

/** 新しい対応: how the case reached the city, then straight to the new case. */
export function NewCaseForm() {
  const id = useId();
  const [channel, setChannel] = useState<CaseChannel>("visit");
  const open = useOpenCase();
  const navigate = useNavigate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (open.isPending) return;
    open.mutate(channel, { onSuccess: ({ id: caseId }) => navigate(`/cases/${caseId}`) });
  };
  return (
    <form
      onSubmit={submit}
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2 id={`${id}-heading`} className="text-std-20B-150">
        新しい対応
      </h2>
      <div className="flex flex-wrap items-end gap-6">
        <fieldset className="flex flex-col gap-1">
          <legend className="text-std-16B-170 text-solid-gray-800">受付の方法</legend>
          <div className="flex min-h-12 items-center gap-4">
            {caseChannels.map((value) => (
              <div key={value} className="flex items-center gap-2">
                <input
                  id={`${id}-${value}`}
                  type="radio"
                  name="channel"
                  value={value}
                  checked={channel === value}
                  onChange={() => setChannel(value)}
                  className={`size-6 ${focusRing}`}
                />
                <label htmlFor={`${id}-${value}`} className="text-std-16N-170">
                  {caseChannelLabels[value]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" aria-disabled={open.isPending || undefined} className={primaryButton}>
          新しい対応
        </button>
      </div>
      <ErrorSummary error={open.error} fieldId={() => `${id}-${channel}`} />
    </form>
  );
}
