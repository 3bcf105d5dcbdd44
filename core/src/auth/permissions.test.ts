import { describe, expect, it } from "vitest";
import { passwordProblems } from "./password-policy.ts";
import { acceptedPermissions, effectivePermissions, type Role } from "./permissions.ts";

const role = (id: string, over: Partial<Role>): Role => ({
  id,
  name: id,
  functions: [],
  visibleProgrammes: [],
  acceptedProgrammes: [],
  ...over,
});

describe("effectivePermissions", () => {
  it("is the union of the roles held at the counter", () => {
    const p = effectivePermissions([
      role("a", { functions: ["search"], visibleProgrammes: ["nationalHealthInsurance"] }),
      role("b", { functions: ["certificates", "search"], acceptedProgrammes: ["residency"] }),
    ]);
    expect([...p.functions].sort()).toEqual(["certificates", "search"]);
    expect(p.visibleProgrammes.has("nationalHealthInsurance")).toBe(true);
    expect(p.visibleProgrammes.has("childAllowance")).toBe(false);
    expect([...p.acceptedProgrammes]).toEqual(["residency"]);
  });

  it("grants nothing without roles", () => {
    const p = effectivePermissions([]);
    expect(p.functions.size + p.visibleProgrammes.size + p.acceptedProgrammes.size).toBe(0);
  });
});

describe("acceptedPermissions", () => {
  it("is the one permission a route names, or each of the few any of which will do", () => {
    expect(acceptedPermissions({ permission: "statistics" })).toEqual(["statistics"]);
    expect(acceptedPermissions({ permission: ["statistics", "export"] })).toEqual(["statistics", "export"]);
  });
});

describe("passwordProblems", () => {
  it("accepts a long password with two kinds of characters", () => {
    expect(passwordProblems("ichimado-demo-1")).toEqual([]);
    expect(passwordProblems("窓口支援システムのパスワード12")).toEqual([]);
  });

  it("names each broken rule in Japanese", () => {
    expect(passwordProblems("short1")).toEqual(["パスワードは12文字以上にしてください"]);
    expect(passwordProblems("abcdefghijklmnop")).toEqual([
      "パスワードには英字・数字・記号のうち2種類以上を含めてください",
    ]);
    expect(passwordProblems("111111111111")).toContain("同じ文字だけのパスワードは使えません");
  });

  it("counts characters, not UTF-16 units", () => {
    // 11 characters, 12 code units: still too short.
    expect(passwordProblems("𠮷abcdefgh1!")).toContain("パスワードは12文字以上にしてください");
  });
});
