import { describe, expect, it, vi } from "vitest";
import { addDays, allZones, browserZone, currentZoneName, dateTimeIn, isZone, localDate, rangeIn, rangeYourTime, timeIn, weekStart } from "./time";

describe("times on the viewer's clock", () => {
  it("shows one instant in each zone, half and quarter hours included", () => {
    const iso = "2027-06-02T09:00:00Z";
    expect(timeIn(iso, "America/New_York")).toBe("05:00");
    expect(timeIn(iso, "Asia/Kolkata")).toBe("14:30");
    expect(timeIn(iso, "Pacific/Chatham")).toBe("21:45");
    expect(timeIn(iso, "Australia/Lord_Howe")).toBe("19:30"); // +10:30 in the southern winter
  });

  it("makes each formatter once: a busy week's calendar formats hundreds of times", () => {
    const made = vi.spyOn(Intl, "DateTimeFormat");
    try {
      for (let hour = 0; hour < 24; hour++) timeIn(`2031-01-0${1 + (hour % 7)}T${String(hour).padStart(2, "0")}:00:00Z`, "Asia/Tokyo");
      expect(made.mock.calls.length).toBeLessThanOrEqual(1);
      expect(timeIn("2031-01-01T00:00:00Z", "Asia/Tokyo")).toBe("09:00");
      expect(timeIn("2031-01-01T00:00:00Z", "Europe/London")).toBe("00:00");
    } finally {
      made.mockRestore();
    }
  });

  it("reads the browser's zone and the zones it knows once, not on each render", () => {
    const made = vi.spyOn(Intl, "DateTimeFormat");
    const listed = vi.spyOn(Intl, "supportedValuesOf");
    try {
      const zone = browserZone();
      const zones = allZones();
      for (let card = 0; card < 20; card++) {
        expect(browserZone()).toBe(zone);
        expect(allZones()).toBe(zones);
      }
      expect(made.mock.calls.length).toBeLessThanOrEqual(1);
      expect(listed.mock.calls.length).toBeLessThanOrEqual(1);
      expect(zones).toContain("Asia/Kolkata");
    } finally {
      made.mockRestore();
      listed.mockRestore();
    }
  });

  it("names the zone next to every date and time", () => {
    expect(dateTimeIn("2027-06-02T09:00:00Z", "Europe/Berlin")).toBe("Wed, 2 Jun 2027, 11:00 (Europe/Berlin)");
  });

  it("prints a session as one range with its zone at the end", () => {
    expect(rangeIn("2026-11-30T14:00:00Z", "2026-11-30T15:00:00Z", "Asia/Kolkata")).toBe("Mon, 30 Nov 2026, 19:30–20:30 (Asia/Kolkata)");
    expect(rangeIn("2026-11-30T17:30:00Z", "2026-11-30T18:30:00Z", "Asia/Kolkata")).toBe("Mon, 30 Nov 2026, 23:00–00:00 (Asia/Kolkata)");
    expect(rangeIn("2026-11-30T18:00:00Z", "2026-11-30T19:00:00Z", "Asia/Kolkata")).toBe("Mon, 30 Nov 2026, 23:30–Tue, 1 Dec 2026, 00:30 (Asia/Kolkata)");
  });

  it("prints the same range on the viewer's own clock, with its own date", () => {
    // Picked at 01:00 on Tue 2 Jun in Tokyo: 17:00 the day before in London.
    expect(rangeIn("2026-06-01T16:00:00Z", "2026-06-01T17:00:00Z", "Asia/Tokyo")).toBe("Tue, 2 Jun 2026, 01:00–02:00 (Asia/Tokyo)");
    expect(rangeYourTime("2026-06-01T16:00:00Z", "2026-06-01T17:00:00Z", "Europe/London")).toBe("Mon, 1 Jun 2026, 17:00–18:00 your time (Europe/London)");
  });

  it("knows a zone name from anything else in an address", () => {
    expect(isZone("Asia/Tokyo")).toBe(true);
    expect(isZone("Mars/Olympus")).toBe(false);
    expect(isZone("")).toBe(false);
    expect(isZone(null)).toBe(false);
  });

  it("puts an instant on the local date of the zone, across midnight and DST", () => {
    expect(localDate("2027-06-02T23:30:00Z", "Asia/Tokyo")).toBe("2027-06-03");
    expect(localDate("2027-06-02T03:30:00Z", "America/Los_Angeles")).toBe("2027-06-01");
    // 2026-03-08 is New York's spring-forward day: 06:59 UTC is 01:59 EST, 07:00 UTC is 03:00 EDT.
    expect(timeIn("2026-03-08T06:59:00Z", "America/New_York")).toBe("01:59");
    expect(timeIn("2026-03-08T07:00:00Z", "America/New_York")).toBe("03:00");
  });

  it("steps through calendar days and weeks", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(weekStart("2027-06-02")).toBe("2027-05-31");
    expect(weekStart("2027-05-31")).toBe("2027-05-31");
    expect(weekStart("2027-06-06")).toBe("2027-05-31");
  });

  it("uses today's names for renamed zones", () => {
    expect(currentZoneName("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(currentZoneName("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(currentZoneName("Europe/Paris")).toBe("Europe/Paris");
  });
});
