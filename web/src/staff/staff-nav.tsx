import { NavLink } from "react-router";
import { focusRing } from "../app/ui.tsx";

const pages = [
  { to: "/admin/staff", label: "職員", end: true },
  { to: "/admin/staff/import", label: "CSV一括登録", end: false },
  { to: "/admin/counters", label: "窓口", end: false },
  { to: "/admin/roles", label: "ロール", end: false },
] as const;

/** The 職員・権限管理 screens, one link each; the current one is marked for screen readers too. */
export function StaffNav() {
  return (
    <nav aria-label="職員・権限管理">
      <ul className="flex flex-wrap gap-2">
        {pages.map((p) => (
          <li key={p.to}>
            <NavLink
              to={p.to}
              end={p.end}
              className={({ isActive }) =>
                `inline-flex min-h-10 items-center rounded-8 border px-4 text-std-16B-170 ${focusRing} ${
                  isActive
                    ? "border-blue-900 bg-blue-900 text-white"
                    : "border-blue-900 bg-white text-blue-900"
                }`
              }
            >
              {p.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** 「市民課：市民課窓口」 for an assignment, by the names the administrator knows. */
export function assignmentLabel(
  a: { counterId: string; roleId: string },
  counters: readonly { id: string; name: string }[],
  roles: readonly { id: string; name: string }[],
): string {
  const counter = counters.find((c) => c.id === a.counterId)?.name ?? a.counterId;
  const role = roles.find((r) => r.id === a.roleId)?.name ?? a.roleId;
  return `${counter}：${role}`;
}
