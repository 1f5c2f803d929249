import { describe, expect, it } from 'vitest';
import { meetingCodeFromParam, meetingDocumentUrl, meetingToolUrl, meetingUrl, sakAnchor, sakUrl } from './urls';

describe('meeting addresses', () => {
  it('writes a meeting code into an address and back', () => {
    expect(meetingUrl('2/2025')).toBe('/meetings/2-2025');
    expect(meetingCodeFromParam('2-2025')).toBe('2/2025');
    expect(meetingCodeFromParam('02-2025')).toBe('2/2025');
  });

  it('refuses what is not a meeting code', () => {
    expect(meetingCodeFromParam('2025')).toBeNull();
    expect(meetingCodeFromParam('2-25')).toBeNull();
    expect(meetingCodeFromParam(undefined)).toBeNull();
  });

  it('links to a sak on its meeting page', () => {
    expect(sakAnchor('19/2/2026')).toBe('sak-19-2-2026');
    expect(sakUrl('2/2026', '19/2/2026')).toBe('/meetings/2-2026#sak-19-2-2026');
  });

  it('addresses the secretariat’s tools and the generated papers', () => {
    expect(meetingToolUrl('2/2025', 'agenda')).toBe('/meetings/2-2025/agenda');
    expect(meetingDocumentUrl('2/2025', 'referat', 'pdf')).toBe('/documents/meetings/2025/2/referat.pdf');
    expect(meetingDocumentUrl('12/2026', 'innkalling', 'docx')).toBe('/documents/meetings/2026/12/innkalling.docx');
  });
});
