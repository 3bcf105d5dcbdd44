import { describe, expect, it } from "vitest";
import { deriveProcedures } from "./derive.ts";
import { type ProcedureDefinition, procedureDefinitionSchema } from "./procedures.ts";
import type { Condition } from "./rules.ts";
import { enrolled, factsOf, person } from "./testing.ts";

const definition = (
  key: string,
  scope: "household" | "person",
  rule: Condition | null,
  valid: { validFrom?: string; validTo?: string } = {},
): ProcedureDefinition =>
  procedureDefinitionSchema.parse({
    key,
    name: key,
    programme: "nationalHealthInsurance",
    scope,
    counterId: "hokennenkin",
    guidance: "案内",
    legalBasis: "国民健康保険法第9条",
    bring: [],
    rule,
    ...valid,
  });

const insuredSelf: Condition = {
  kind: "members",
  scope: "self",
  match: { moving: true, enrolledIn: { programme: "nationalHealthInsurance" } },
};
const moveOut: Condition = { kind: "event", events: ["moveOut"] };

const a = person("甲 一郎", "1980-01-01", {
  personId: "A",
  moving: true,
  enrollments: [enrolled("nationalHealthInsurance")],
});
const b = person("甲 花子", "1982-01-01", { personId: "B", moving: true });
const c = person("甲 次郎", "2010-01-01", {
  personId: "C",
  moving: true,
  enrollments: [enrolled("nationalHealthInsurance")],
});
const facts = factsOf("moveOut", "2026-10-01", [a, b, c]);

describe("deriveProcedures", () => {
  it("gives one entry for a matching household-scope definition", () => {
    expect(deriveProcedures([definition("out", "household", moveOut)], facts)).toEqual([
      {
        key: "out",
        name: "out",
        programme: "nationalHealthInsurance",
        counterId: "hokennenkin",
        personId: null,
        reasons: ["届出が転出"],
      },
    ]);
    expect(
      deriveProcedures([definition("out", "household", moveOut)], factsOf("death", "2026-10-01", [a])),
    ).toEqual([]);
  });

  it("tries a person-scope definition with every member as 本人", () => {
    const derived = deriveProcedures([definition("loss", "person", insuredSelf)], facts);
    expect(derived.map((d) => [d.personId, d.reasons])).toEqual([
      ["A", ["甲 一郎 が異動する人、国民健康保険の被保険者"]],
      ["C", ["甲 次郎 が異動する人、国民健康保険の被保険者"]],
    ]);
  });

  it("never matches self in a household-scope definition", () => {
    expect(deriveProcedures([definition("odd", "household", insuredSelf)], facts)).toEqual([]);
  });

  it("skips definitions without a rule", () => {
    expect(deriveProcedures([definition("manual", "household", null)], facts)).toEqual([]);
  });

  it("keeps catalog order, then household order", () => {
    const definitions = [
      definition("second", "person", insuredSelf),
      definition("first", "household", moveOut),
      definition("third", "person", { kind: "members", scope: "self", match: {} }),
    ];
    expect(deriveProcedures(definitions, facts).map((d) => `${d.key}:${d.personId}`)).toEqual([
      "second:A",
      "second:C",
      "first:null",
      "third:A",
      "third:B",
      "third:C",
    ]);
  });

  it("uses only definitions valid on the event date, both ends inclusive", () => {
    const dated = definition("dated", "household", moveOut, {
      validFrom: "2026-04-01",
      validTo: "2026-10-01",
    });
    const on = (date: string) => deriveProcedures([dated], factsOf("moveOut", date, [a])).length;
    expect(on("2026-03-31")).toBe(0);
    expect(on("2026-04-01")).toBe(1);
    expect(on("2026-10-01")).toBe(1);
    expect(on("2026-10-02")).toBe(0);
    const open = definition("open", "household", moveOut, { validFrom: "2026-04-01" });
    expect(deriveProcedures([open], factsOf("moveOut", "2099-12-31", [a])).length).toBe(1);
  });

  it("derives nothing for an empty household from person-scope definitions", () => {
    expect(
      deriveProcedures([definition("loss", "person", insuredSelf)], factsOf("moveOut", "2026-10-01", [])),
    ).toEqual([]);
  });
});
