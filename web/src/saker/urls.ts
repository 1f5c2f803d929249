/** All saker, searchable by number or title. */
export const sakerUrl = () => '/saker';

// Sak codes are "19/2/2026" in the papers and "19-2-2026" in addresses.
export const sakPageUrl = (code: string) => `/saker/${code.replaceAll('/', '-')}`;

/** "19-2-2026" from an address as the API's "19/2/2026", or null when it is not a sak code. */
export function sakCodeFromParam(param: string | undefined): string | null {
  const m = /^(\d{1,3})-(\d{1,2})-(\d{4})$/.exec(param ?? '');
  return m ? `${Number(m[1])}/${Number(m[2])}/${m[3]}` : null;
}

/** Whether a search looks like a sak number ("25/2/2025", "sak 16/2/25", "12/2//23"). */
export function looksLikeSakCode(text: string): boolean {
  return /^\s*(sak\s+)?\d{1,3}\/\d{1,2}\/{1,2}\d{2,4}\s*$/i.test(text);
}

/** "sak 25/2/2025" → "25/2/2025". */
export function stripSakPrefix(text: string): string {
  return text.trim().replace(/^sak\s+/i, '');
}

/** A stored vedlegg file: GET /files/{attachmentId}. */
export const fileUrl = (attachmentId: string) => `/files/${attachmentId}`;
