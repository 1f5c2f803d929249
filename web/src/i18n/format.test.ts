import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatHours,
  formatMeetingWhen,
  formatNumericDate,
  formatShortDate,
  formatSlot,
  parseDate,
  todayInNorway,
} from './format';

describe('dates as the papers write them', () => {
  it('writes a day in Norwegian with its weekday', () => {
    expect(formatDate('2025-05-21', 'nb')).toBe('onsdag 21. mai 2025');
  });

  it('writes a day in English with its weekday', () => {
    expect(formatDate('2025-05-21', 'en')).toBe('Wednesday 21 May 2025');
  });

  it('writes a meeting with whole hours the way the notice does', () => {
    expect(formatMeetingWhen('2025-05-21', '10:00:00', '15:00:00', 'nb')).toBe('Onsdag 21. mai 2025, kl. 10–15');
    expect(formatMeetingWhen('2025-05-21', '10:00:00', '15:00:00', 'en')).toBe('Wednesday 21 May 2025, 10:00–15:00');
  });

  it('keeps the minutes when a meeting does not start on the hour', () => {
    expect(formatMeetingWhen('2026-02-04', '09:30:00', '15:00:00', 'nb')).toBe('Onsdag 4. februar 2026, kl. 09:30–15:00');
  });

  it('leaves the hours out when they are not known', () => {
    expect(formatMeetingWhen('2025-05-21', null, null, 'nb')).toBe('Onsdag 21. mai 2025');
    expect(formatHours('10:00:00', null, 'nb')).toBe('kl. 10');
  });

  it('does not move a date across midnight in any time zone', () => {
    expect(parseDate('2025-12-31').toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(formatShortDate('2025-12-31', 'nb')).toBe('31. desember 2025');
    expect(formatShortDate('2025-12-31', 'en')).toBe('31 December 2025');
  });

  it('writes numeric dates for tables', () => {
    expect(formatNumericDate('2025-06-10', 'nb')).toBe('10.06.2025');
    expect(formatNumericDate('2025-06-10', 'en')).toBe('10/06/2025');
  });

  it('writes agenda slots with minutes', () => {
    expect(formatSlot('10:30:00', '11:30:00')).toBe('10:30–11:30');
    expect(formatSlot('9:05', null)).toBe('09:05');
    expect(formatSlot(null, null)).toBe('');
  });

  it('writes instants in Norwegian time', () => {
    // 12:05 UTC is 14:05 in Oslo in summer.
    expect(formatDateTime('2025-06-02T12:05:00Z', 'nb')).toBe('2. juni 2025 kl. 14:05');
    expect(formatDateTime('2025-06-02T12:05:00Z', 'en')).toBe('2 June 2025, 14:05');
  });

  it('knows which day it is in Norway', () => {
    expect(todayInNorway(new Date('2025-05-20T22:30:00Z'))).toBe('2025-05-21');
  });

  it('refuses what is not a date', () => {
    expect(() => parseDate('21.05.2025')).toThrow(RangeError);
  });
});
