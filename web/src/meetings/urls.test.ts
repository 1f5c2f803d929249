import { describe, expect, it } from 'vitest';
import { meetingCodeFromParam, meetingUrl, sakAnchor, sakUrl } from './urls';

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
});
