import { describe, expect, it } from "vitest";
import { validateIntervals } from "./intervals";

describe("working hours", () => {
  it("wants intervals that end after they start and do not overlap", () => {
    expect(validateIntervals([{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }])).toBeNull();
    expect(validateIntervals([{ start: "12:00", end: "09:00" }])).toBe("Each interval must end after it starts.");
    expect(validateIntervals([{ start: "09:00", end: "13:00" }, { start: "12:00", end: "17:00" }])).toBe("Intervals must not overlap.");
    expect(validateIntervals([{ start: "9", end: "17:00" }])).toBe("Times must look like 09:00.");
    expect(validateIntervals([{ start: "18:00", end: "24:00" }])).toBeNull();
  });
});
