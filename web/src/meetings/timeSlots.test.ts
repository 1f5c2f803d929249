import { describe, expect, it } from 'vitest';
import { formatDuration, slotProblems, slotTotals, toMinutes } from './timeSlots';

const sak = (id: string, timeStart: string | null, timeEnd: string | null) => ({ id, code: `${id}/2/2025`, timeStart, timeEnd });

describe('agenda time slots', () => {
  it('reads times as the API sends them', () => {
    expect(toMinutes('10:30:00')).toBe(630);
    expect(toMinutes('9:05')).toBe(545);
    expect(toMinutes('')).toBeNull();
    expect(toMinutes('25:00')).toBeNull();
  });

  it('adds up the slots against the meeting’s hours', () => {
    const saker = [sak('1', '10:00', '10:15'), sak('2', '10:15', '11:30'), sak('3', null, null)];
    expect(slotTotals(saker, '10:00:00', '15:00:00')).toEqual({ planned: 90, meeting: 300 });
    expect(formatDuration(90, 't')).toBe('1 t 30 min');
    expect(formatDuration(45, 't')).toBe('45 min');
  });

  it('finds overlapping slots and slots outside the meeting', () => {
    const problems = slotProblems(
      [sak('1', '10:00', '11:00'), sak('2', '10:30', '11:30'), sak('3', '14:30', '15:30'), sak('4', '12:00', '11:00')],
      '10:00',
      '15:00',
    );
    expect(problems.get('1')?.overlaps).toEqual(['2/2/2025']);
    expect(problems.get('2')?.overlaps).toEqual(['1/2/2025']);
    expect(problems.get('3')).toEqual({ overlaps: [], outside: true, backwards: false });
    expect(problems.get('4')?.backwards).toBe(true);
  });

  it('does not count slots that only touch as overlapping', () => {
    expect(slotProblems([sak('1', '10:00', '10:30'), sak('2', '10:30', '11:00')], '10:00', '15:00').size).toBe(0);
  });
});
