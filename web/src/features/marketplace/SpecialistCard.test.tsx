import { afterEach, describe, expect, it } from "vitest";
import type { SpecialistSummary } from "../../shared/api/types";
import { render, type Rendered } from "../../test/render";
import { browserZone, dateTimeIn } from "../../shared/time";
import { SpecialistCard } from "./SpecialistCard";

let view: Rendered | null = null;
afterEach(() => view?.unmount());

const card = (nextAvailableAt: string | null): SpecialistSummary => ({
  id: "s1",
  name: "Ana Weekly",
  headline: "Career coach",
  bio: "",
  specialties: ["career"],
  languages: ["en"],
  timezone: "Europe/Berlin",
  photoUrl: null,
  serviceCount: 1,
  priceFrom: { amount: 5000, currency: "EUR" },
  nextAvailableAt,
});

describe("SpecialistCard", () => {
  it("shows the next free time on the visitor's clock", async () => {
    view = await render(<SpecialistCard specialist={card("2027-03-17T08:00:00Z")} onTag={() => {}} />);
    expect(view.container.textContent).toContain(`Next available: ${dateTimeIn("2027-03-17T08:00:00Z", browserZone())}`);
  });
  it("says when there is no free time", async () => {
    view = await render(<SpecialistCard specialist={card(null)} onTag={() => {}} />);
    expect(view.container.textContent).toContain("No free times yet");
  });
});
