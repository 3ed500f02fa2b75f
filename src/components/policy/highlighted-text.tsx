/** Renders `text` with the given [start, end) ranges wrapped in <mark>; overlapping ranges merge. */
export function HighlightedText({ text, ranges }: { text: string; ranges: { start: number; end: number }[] }) {
  const merged: { start: number; end: number }[] = [];
  for (const range of [...ranges].filter((r) => r.start >= 0 && r.end <= text.length && r.end > r.start).sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const parts: React.ReactNode[] = [];
  let cursor = 0;
  for (const range of merged) {
    if (range.start > cursor) parts.push(text.slice(cursor, range.start));
    parts.push(<mark key={range.start} className="source-span">{text.slice(range.start, range.end)}</mark>);
    cursor = range.end;
  }
  parts.push(text.slice(cursor));
  return <>{parts}</>;
}
