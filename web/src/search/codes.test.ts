import { describe, expect, it } from 'vitest';
import { meetingOfSak, parseMeetingCode, parseSakCode } from './codes';

describe('numbers typed into the search field', () => {
  it('reads sak numbers in the forms the papers use', () => {
    expect(parseSakCode('19/2/2026')).toBe('19/2/2026');
    expect(parseSakCode('Sak 16/2/25')).toBe('16/2/2025');
    expect(parseSakCode('sak 12/2//23')).toBe('12/2/2023');
  });

  it('reads meeting numbers', () => {
    expect(parseMeetingCode('2/2025')).toBe('2/2025');
    expect(parseMeetingCode('møte 02/2025')).toBe('2/2025');
  });

  it('leaves words alone', () => {
    expect(parseSakCode('habilitet')).toBeNull();
    expect(parseMeetingCode('Meld. St. 21')).toBeNull();
  });

  it('finds the meeting of a sak', () => {
    expect(meetingOfSak('19/2/2026')).toBe('2/2026');
  });
});
