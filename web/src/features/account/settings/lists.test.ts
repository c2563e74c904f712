import { describe, expect, it } from "vitest";
import { listFrom } from "./lists";

describe("comma-separated lists", () => {
  it("trims, drops blanks and repeats", () => {
    expect(listFrom(" career, interviews ,, Career ")).toEqual(["career", "interviews"]);
    expect(listFrom("")).toEqual([]);
  });
});
