import type { SessionInfo } from "@ichimado/core/auth/schemas";
import { Button, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { errorMessage } from "../app/api.ts";
import { focusRing, secondaryButton } from "../app/ui.tsx";
import { useChooseCounter } from "./session.ts";

/** 窓口切替: a menu of the counters the staff member holds a role at. */
export function CounterSwitcher({ session }: { session: SessionInfo }) {
  const choose = useChooseCounter();
  if (session.counters.length < 2) return null;
  return (
    <div className="flex items-center gap-2">
      <MenuTrigger>
        <Button className={secondaryButton} isDisabled={choose.isPending}>
          窓口切替
        </Button>
        <Popover
          placement="bottom end"
          className="min-w-56 rounded-8 border border-solid-gray-420 bg-white shadow-2"
        >
          <Menu
            aria-label="切り替える窓口"
            selectionMode="single"
            selectedKeys={session.counter ? [session.counter.id] : []}
            disallowEmptySelection
            onSelectionChange={(keys) => {
              const [key] = keys === "all" ? [] : [...keys];
              if (key !== undefined && key !== session.counter?.id) choose.mutate(String(key));
            }}
            className="max-h-96 overflow-auto p-1 outline-none"
          >
            {session.counters.map((c) => (
              <MenuItem
                key={c.id}
                id={c.id}
                textValue={c.name}
                className={`flex cursor-pointer items-center gap-2 rounded-4 px-3 py-2 text-std-16N-170 data-[focused]:bg-blue-50 ${focusRing}`}
              >
                {({ isSelected }) => (
                  <>
                    <span aria-hidden="true" className="w-4">
                      {isSelected ? "✓" : ""}
                    </span>
                    {c.name}
                  </>
                )}
              </MenuItem>
            ))}
          </Menu>
        </Popover>
      </MenuTrigger>
      {choose.isError && (
        <span role="alert" className="text-dns-14N-130 text-error-2">
          {errorMessage(choose.error)}
        </span>
      )}
    </div>
  );
}
