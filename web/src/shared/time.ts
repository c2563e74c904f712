// Times are exchanged in UTC and always shown with the zone they are shown in.

// Browsers still report some zones by their old names (ICU); people expect
// today's IANA names.
const CURRENT_NAMES: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Rangoon": "Asia/Yangon",
  "Europe/Kiev": "Europe/Kyiv",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Ponape": "Pacific/Pohnpei",
};

export function currentZoneName(zone: string): string {
  return CURRENT_NAMES[zone] ?? zone;
}

// The browser's zone, read once per page load: reading it makes an
// Intl.DateTimeFormat (the page's first takes some 50 ms), and the marketplace
// asked once per card on every render. A computer moved to another zone
// mid-visit shows it from the next load.
let ownZone: string | null = null;
export function browserZone(): string {
  if (ownZone === null) {
    try {
      ownZone = currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
    } catch {
      ownZone = "UTC";
    }
  }
  return ownZone;
}

// Every zone this browser knows, by today's names: worked out once (some
// 10 ms), not on each render of each zone picker.
let knownZones: readonly string[] | null = null;
export function allZones(): readonly string[] {
  if (knownZones === null) {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    const zones = [...new Set((intl.supportedValuesOf?.("timeZone") ?? []).map(currentZoneName))].sort();
    knownZones = zones.includes("UTC") ? zones : ["UTC", ...zones];
  }
  return knownZones;
}

// Making an Intl.DateTimeFormat costs some hundred times what using one does
// (about 0.3 ms against 1 µs), and a calendar of a busy week formats each of
// hundreds of slots several times while the page is first drawn: each is made
// once per locale, zone and options, and kept (a page uses a handful).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, made);
  }
  return made;
}

function parts(iso: string, zone: string, options: Intl.DateTimeFormatOptions) {
  return formatter("en-GB", { timeZone: zone, ...options }).format(new Date(iso));
}

// "14:30" on the viewer's clock.
export function timeIn(iso: string, zone: string): string {
  return parts(iso, zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

// "Tue 2 Jun 2027".
export function dayIn(iso: string, zone: string): string {
  return parts(iso, zone, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
}

// "Tue 2 Jun 2027, 14:30 (Asia/Kolkata)".
export function dateTimeIn(iso: string, zone: string): string {
  return `${dayIn(iso, zone)}, ${timeIn(iso, zone)} (${zone})`;
}

// The local calendar date "2027-06-02" of an instant in a zone.
export function localDate(iso: string, zone: string): string {
  const f = formatter("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return f.format(new Date(iso));
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function todayIn(zone: string): string {
  return localDate(new Date().toISOString(), zone);
}

// Monday of the week holding `date`.
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function monthLabel(date: string): string {
  return formatter("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function weekdayLabel(date: string): string {
  return formatter("en-GB", { weekday: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

// "Mon, 30 Nov 2026, 19:30–20:30 (Asia/Kolkata)"; an end on another local day
// gets its own date.
export function rangeIn(start: string, end: string, zone: string): string {
  const sameDay = localDate(start, zone) === localDate(end, zone) || timeIn(end, zone) === "00:00";
  const until = sameDay ? timeIn(end, zone) : `${dayIn(end, zone)}, ${timeIn(end, zone)}`;
  return `${dayIn(start, zone)}, ${timeIn(start, zone)}–${until} (${zone})`;
}

// The same range on the viewer's own clock, for beside a range in another
// zone: "Mon, 1 Jun 2026, 17:00–18:00 your time (Europe/London)".
export function rangeYourTime(start: string, end: string, zone: string): string {
  return rangeIn(start, end, zone).replace(/ \(([^()]*)\)$/, " your time ($1)");
}

// Whether `zone` names a time zone this browser knows (e.g. from an address).
export function isZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    formatter("en", { timeZone: zone }); // throws a RangeError for an unknown zone
    return true;
  } catch {
    return false;
  }
}
