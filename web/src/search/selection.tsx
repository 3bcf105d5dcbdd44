import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useSession } from "../auth/session.ts";

/** What the next screens (reception, certificates) need to know of a chosen person. */
export interface SelectedPerson {
  id: string;
  name: string;
  nameKana: string;
  birthDate: string | null;
}

/** 選択中の宛名: who came to the counter (来庁者) and for whom they apply (申請対象者). */
export interface Selection {
  visitor: SelectedPerson | null;
  subjects: SelectedPerson[];
}

interface SelectionStore extends Selection {
  setVisitor: (person: SelectedPerson) => void;
  removeVisitor: () => void;
  addSubject: (person: SelectedPerson) => void;
  removeSubject: (id: string) => void;
  clear: () => void;
}

/** Kept per browser tab (sessionStorage), and only for the staff member who chose. */
interface Stored extends Selection {
  staffId: string;
}

const storageKey = "ichimado.selection";
const empty: Selection = { visitor: null, subjects: [] };

function isPerson(value: unknown): value is SelectedPerson {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === "string" &&
    typeof v.name === "string" &&
    typeof v.nameKana === "string" &&
    (v.birthDate === null || typeof v.birthDate === "string")
  );
}

function readStorage(): Stored | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Stored> | null;
    if (!value || typeof value.staffId !== "string" || !Array.isArray(value.subjects)) return null;
    return {
      staffId: value.staffId,
      visitor: isPerson(value.visitor) ? pick(value.visitor) : null,
      subjects: value.subjects.filter(isPerson).map(pick),
    };
  } catch {
    return null;
  }
}

function writeStorage(stored: Stored | null): void {
  try {
    if (stored) window.sessionStorage.setItem(storageKey, JSON.stringify(stored));
    else window.sessionStorage.removeItem(storageKey);
  } catch {
    // Storage unavailable (private mode, quota): the selection still works for this page.
  }
}

/** Only the fields the store keeps, whatever richer object (a PersonSummary) was passed. */
function pick(person: SelectedPerson): SelectedPerson {
  return { id: person.id, name: person.name, nameKana: person.nameKana, birthDate: person.birthDate };
}

const SelectionContext = createContext<SelectionStore | null>(null);

/**
 * Holds the selection for the whole app. Logging out (or a session that ends with a 401) empties it;
 * a selection left by another staff member in the same tab is never shown.
 */
export function SelectionProvider({ children }: { children: ReactNode }) {
  const { data: session } = useSession();
  const staffId = session?.staff.id ?? null;
  const [stored, setStored] = useState<Stored | null>(readStorage);

  // `undefined` is still loading; `null` is logged out.
  const loggedOut = session === null;
  useEffect(() => {
    if (loggedOut) setStored(null);
  }, [loggedOut]);
  useEffect(() => {
    writeStorage(stored);
  }, [stored]);

  const update = useCallback(
    (change: (current: Selection) => Selection) => {
      if (!staffId) return;
      setStored((previous) => {
        const current = previous?.staffId === staffId ? previous : empty;
        return { staffId, ...change(current) };
      });
    },
    [staffId],
  );

  const selection = stored && stored.staffId === staffId ? stored : empty;
  const store = useMemo<SelectionStore>(
    () => ({
      visitor: selection.visitor,
      subjects: selection.subjects,
      setVisitor: (person) => update((s) => ({ ...s, visitor: pick(person) })),
      removeVisitor: () => update((s) => ({ ...s, visitor: null })),
      addSubject: (person) =>
        update((s) =>
          s.subjects.some((p) => p.id === person.id) ? s : { ...s, subjects: [...s.subjects, pick(person)] },
        ),
      removeSubject: (id) => update((s) => ({ ...s, subjects: s.subjects.filter((p) => p.id !== id) })),
      clear: () => update(() => empty),
    }),
    [selection.visitor, selection.subjects, update],
  );
  return <SelectionContext.Provider value={store}>{children}</SelectionContext.Provider>;
}

/** The selected 来庁者 and 申請対象者, and the ways to change them. */
export function useSelection(): SelectionStore {
  const store = useContext(SelectionContext);
  if (!store) throw new Error("useSelection must be used inside <SelectionProvider>");
  return store;
}
