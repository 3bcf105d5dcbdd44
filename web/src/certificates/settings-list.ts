import { useId } from "react";
import { flushSync } from "react-dom";

/**
 * Adding, removing and changing the entries of one list of the settings. Focus follows what was
 * done, as in the catalog's editors: into the new entry's first field, or back to the add button
 * when the entry that had it is gone.
 */
export function useEntryList<T extends { id: number }>(
  items: readonly T[],
  onChange: (items: T[]) => void,
  /** the id of an entry's first field, by its place */
  firstField: (index: number) => string,
) {
  const addId = `${useId()}-add`;
  const focus = (elementId: string) => document.getElementById(elementId)?.focus();
  return {
    addId,
    /** `alongside` runs in the same render, so what it shows is there when focus moves */
    add(item: T, alongside?: () => void) {
      flushSync(() => {
        onChange([...items, item]);
        alongside?.();
      });
      focus(firstField(items.length));
    },
    remove(index: number) {
      flushSync(() => onChange(items.filter((_, i) => i !== index)));
      focus(addId);
    },
    edit(index: number, change: Partial<T>) {
      onChange(items.map((e, i) => (i === index ? { ...e, ...change } : e)));
    },
  };
}
