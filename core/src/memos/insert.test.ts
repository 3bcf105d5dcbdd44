import { describe, expect, it } from "vitest";
import { insertPhrase } from "./insert.ts";

describe("insertPhrase", () => {
  it("puts a phrase into an empty text as it is", () => {
    expect(insertPhrase("", 0, "本人確認済み")).toEqual({ text: "本人確認済み", cursor: 6 });
  });

  it("starts a new line after text, but not after a line break", () => {
    expect(insertPhrase("至急", 2, "郵送で交付")).toEqual({ text: "至急\n郵送で交付", cursor: 8 });
    expect(insertPhrase("至急\n", 3, "郵送")).toEqual({ text: "至急\n郵送", cursor: 5 });
  });

  it("keeps what follows the cursor after the phrase", () => {
    expect(insertPhrase("前\n後", 2, "句")).toEqual({ text: "前\n句後", cursor: 3 });
  });
});
