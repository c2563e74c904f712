import { describe, expect, it } from "vitest";
import { dayPattern } from "./pattern";

describe("live preview of draft hours", () => {
  it("starts slots every duration from the start of each open range", () => {
    expect(dayPattern([{ start: "09:00", end: "11:00" }], [], 30)).toEqual(["09:00", "09:30", "10:00", "10:30"]);
    expect(dayPattern([{ start: "09:15", end: "11:00" }], [], 45)).toEqual(["09:15", "10:00"]);
  });
  it("cuts breaks out and restarts the grid after them", () => {
    expect(dayPattern([{ start: "09:00", end: "13:00" }], [{ start: "10:30", end: "11:15" }], 60)).toEqual(["09:00", "11:15"]);
  });
  it("keeps several intervals apart and merges overlapping ones", () => {
    expect(dayPattern([{ start: "14:00", end: "15:00" }, { start: "08:00", end: "09:00" }], [], 60)).toEqual(["08:00", "14:00"]);
    expect(dayPattern([{ start: "08:00", end: "09:30" }, { start: "09:00", end: "10:00" }], [], 60)).toEqual(["08:00", "09:00"]);
  });
  it("runs to midnight", () => {
    expect(dayPattern([{ start: "22:00", end: "24:00" }], [], 60)).toEqual(["22:00", "23:00"]);
  });
});
