// Meeting codes are "2/2025" in the papers and "2-2025" in addresses.
export const meetingsUrl = (year?: number) => (year ? `/meetings?year=${year}` : '/meetings');

export const meetingUrl = (code: string) => `/meetings/${code.replace('/', '-')}`;

/** "2-2025" from an address as the API's "2/2025", or null when it is not a meeting code. */
export function meetingCodeFromParam(param: string | undefined): string | null {
  const m = /^(\d{1,2})-(\d{4})$/.exec(param ?? '');
  return m ? `${Number(m[1])}/${m[2]}` : null;
}

/** The id of a sak's section on its meeting's page: "sak-19-2-2026". */
export const sakAnchor = (code: string) => `sak-${code.replaceAll('/', '-')}`;

export const sakUrl = (meetingCode: string, sakCode: string) => `${meetingUrl(meetingCode)}#${sakAnchor(sakCode)}`;
