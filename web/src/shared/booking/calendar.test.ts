import { describe, expect, it } from "vitest";
import { foldLine, googleCalendarUrl, icsFile } from "./calendar";

const item = { id: "b1", title: "Career coaching with Ravi, the long one; really", start: "2026-11-30T14:00:00.000Z", end: "2026-11-30T15:00:00Z", url: "https://meet.jit.si/confer-" + "x".repeat(80) };

describe("add to calendar", () => {
  it("writes an .ics event in UTC with escaped text and CRLF lines of at most 75 octets", () => {
    const ics = icsFile(item);
    expect(ics).toContain("\r\nDTSTART:20261130T140000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20261130T150000Z\r\n");
    expect(ics).toContain("SUMMARY:Career coaching with Ravi\\, the long one\\; really");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // Unfolding gives the URL back whole.
    expect(ics.replace(/\r\n /g, "")).toContain(`URL:${item.url}`);
  });

  it("never splits a multi-byte character when folding", () => {
    const folded = foldLine("SUMMARY:" + "é".repeat(60));
    expect(folded.split("\r\n ").join("")).toBe("SUMMARY:" + "é".repeat(60));
    for (const line of folded.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it("gives Google the UTC times in its compact form", () => {
    const url = new URL(googleCalendarUrl(item));
    expect(url.searchParams.get("dates")).toBe("20261130T140000Z/20261130T150000Z");
  });
});
