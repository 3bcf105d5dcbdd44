import { describe, expect, it } from "vitest";
import { moveField, newField, pointsToMm, resizeField, snapMm } from "./placement.ts";
import { fieldPlacementProblems } from "./template.ts";

const a4 = { width: 210, height: 297 };

describe("placing fields in the designer", () => {
  const field = newField([], 1, a4);

  it("starts a new field on the page with a free name", () => {
    expect(field).toMatchObject({ name: "field1", page: 1, x: 20, y: 20, width: 60, height: 8 });
    const taken = [field, { ...field, name: "field2" }];
    expect(newField(taken, 2, a4).name).toBe("field3");
    expect(newField([{ ...field, name: "field2" }], 1, a4).name).toBe("field3");
    expect(fieldPlacementProblems([field], [a4])).toEqual([]);
  });

  it("snaps to half millimetres", () => {
    expect(snapMm(10.26)).toBe(10.5);
    expect(snapMm(10.24)).toBe(10);
    expect(moveField(field, 3.3, -1.1, a4)).toMatchObject({ x: 23.5, y: 19 });
  });

  it("never moves a field off its page", () => {
    expect(moveField(field, -500, -500, a4)).toMatchObject({ x: 0, y: 0 });
    const far = moveField(field, 1000, 1000, a4);
    expect(far).toMatchObject({ x: 150, y: 289 });
    expect(fieldPlacementProblems([far], [a4])).toEqual([]);
    // On a page of odd size the edge is snapped inwards, never past it.
    const odd = { width: 182.3, height: 257.3 };
    const moved = moveField(field, 1000, 1000, odd);
    expect(moved.x + moved.width).toBeLessThanOrEqual(odd.width);
    expect(moved.y + moved.height).toBeLessThanOrEqual(odd.height);
  });

  it("keeps a resized field between 2 mm and the page's edge", () => {
    expect(resizeField(field, -100, -100, a4)).toMatchObject({ width: 2, height: 2 });
    expect(resizeField(field, 1000, 1000, a4)).toMatchObject({ width: 190, height: 277 });
    expect(resizeField(field, 10.2, 0.8, a4)).toMatchObject({ width: 70, height: 9 });
  });

  it("turns PDF points into millimetres", () => {
    expect(pointsToMm(595.28)).toBe(210);
    expect(pointsToMm(841.89)).toBe(297);
  });
});
