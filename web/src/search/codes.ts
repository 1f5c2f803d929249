// Sak and meeting numbers as people type them: "19/2/2026", "sak 16/2/25", "12/2//23", "møte 2/2025".

/** A sak number in any of the papers' forms, or null. The API normalises it. */
export function parseSakCode(query: string): string | null {
  const m = /^(?:sak\s+)?(\d{1,3})\/(\d{1,2})\/{1,2}(\d{2}|\d{4})$/i.exec(query.trim());
  return m ? `${m[1]}/${m[2]}/${m[3]!.length === 2 ? `20${m[3]}` : m[3]}` : null;
}

/** A meeting number "2/2025" (or "møte 2/2025"), or null. */
export function parseMeetingCode(query: string): string | null {
  const m = /^(?:møte\s+)?(\d{1,2})\/(\d{4})$/i.exec(query.trim());
  return m ? `${Number(m[1])}/${m[2]}` : null;
}

/** The meeting of a sak: "19/2/2026" → "2/2026". */
export function meetingOfSak(sakCode: string): string {
  const [, meeting, year] = sakCode.split('/');
  return `${meeting}/${year}`;
}
