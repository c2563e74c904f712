// "career, interviews ,, Career" → ["career", "interviews"]: trimmed, no blanks,
// no repeats (case-insensitive, first spelling kept).
export function listFrom(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of text.split(",").map((x) => x.trim()).filter(Boolean)) {
    if (seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}
