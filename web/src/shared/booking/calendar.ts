// "Add to calendar" for a booking: Google and Outlook links, and an .ics file.
export type CalendarItem = { id: string; title: string; start: string; end: string; url?: string | null };

const compact = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export function googleCalendarUrl(item: CalendarItem): string {
  const q = new URLSearchParams({
    action: "TEMPLATE",
    text: item.title,
    dates: `${compact(item.start)}/${compact(item.end)}`,
    details: item.url ? `Join: ${item.url}` : "Booked on Confer",
  });
  return `https://calendar.google.com/calendar/render?${q}`;
}

export function outlookCalendarUrl(item: CalendarItem): string {
  const q = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: item.title,
    startdt: item.start,
    enddt: item.end,
    body: item.url ? `Join: ${item.url}` : "Booked on Confer",
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${q}`;
}

// RFC 5545 §3.1: lines longer than 75 octets continue on the next line after
// a CRLF and one space; a UTF-8 character is never split.
export function foldLine(line: string): string {
  const bytes = (c: string) => new TextEncoder().encode(c).length;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const c of line) {
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes(c) > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += c;
    size += bytes(c);
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function icsFile(item: CalendarItem): string {
  const escape = (t: string) => t.replace(/\\/g, "\\\\").replace(/[,;]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Confer//Booking//EN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${item.id}@confer`,
    `DTSTAMP:${compact(new Date().toISOString())}`,
    `DTSTART:${compact(item.start)}`,
    `DTEND:${compact(item.end)}`,
    `SUMMARY:${escape(item.title)}`,
    ...(item.url ? [`URL:${item.url}`, `LOCATION:${escape(item.url)}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ]
    .map(foldLine)
    .join("\r\n") + "\r\n";
}
