// Meeting codes are "2/2025" in the papers and "2-2025" in addresses.
export const meetingsUrl = (year?: number) => (year ? `/meetings?year=${year}` : '/meetings');

export const meetingUrl = (code: string) => `/meetings/${code.replace('/', '-')}`;

export const newMeetingUrl = () => '/meetings/new';

/** The secretariat's tools for one meeting. */
export type MeetingTool = 'agenda' | 'attendance' | 'habilitet' | 'minutes';
export const meetingToolUrl = (code: string, tool: MeetingTool) => `${meetingUrl(code)}/${tool}`;

/** "2-2025" from an address as the API's "2/2025", or null when it is not a meeting code. */
export function meetingCodeFromParam(param: string | undefined): string | null {
  const m = /^(\d{1,2})-(\d{4})$/.exec(param ?? '');
  return m ? `${Number(m[1])}/${m[2]}` : null;
}

/** The id of a sak's section on its meeting's page: "sak-19-2-2026". */
export const sakAnchor = (code: string) => `sak-${code.replaceAll('/', '-')}`;

export const sakUrl = (meetingCode: string, sakCode: string) => `${meetingUrl(meetingCode)}#${sakAnchor(sakCode)}`;

export type PaperKind = 'innkalling' | 'saksdokumenter' | 'referat';
export type PaperFormat = 'pdf' | 'docx';

/** The generated papers: /documents/meetings/2025/2/referat.pdf. */
export function meetingDocumentUrl(code: string, kind: PaperKind, format: PaperFormat): string {
  const [number, year] = code.split('/');
  return `/documents/meetings/${year}/${number}/${kind}.${format}`;
}
