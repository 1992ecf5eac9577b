interface NotionDate {
  start: string;
  end: string | null;
  time_zone?: string | null;
}

/** `2025-03-14T09:30:00.000+09:00` → `2025-03-14 09:30`; a date alone stays `2025-03-14`. */
function one(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!match) return value;
  return match[2] && match[2] !== '00:00' ? `${match[1]} ${match[2]}` : match[1];
}

/** A Notion date (mention or property) as readable, locale-neutral text: `2025-04-01 – 2025-04-15`. */
export function formatNotionDate(date: NotionDate): string {
  const range = date.end ? `${one(date.start)} – ${one(date.end)}` : one(date.start);
  return date.time_zone ? `${range} (${date.time_zone})` : range;
}
