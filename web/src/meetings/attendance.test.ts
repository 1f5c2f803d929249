import { describe, expect, it } from 'vitest';
import { groupAttendance, listOf } from './attendance';

describe('the minutes’ attendance lists', () => {
  it('puts members and deputies who came under Til stede, digital or not', () => {
    expect(listOf({ category: 'MEMBER', status: 'PRESENT' })).toBe('present');
    expect(listOf({ category: 'MEMBER', status: 'DIGITAL' })).toBe('present');
    expect(listOf({ category: 'SUBSTITUTE', status: 'PRESENT' })).toBe('present');
  });

  it('puts everybody who sent apologies under Forfall', () => {
    expect(listOf({ category: 'MEMBER', status: 'ABSENT' })).toBe('absent');
    expect(listOf({ category: 'OBSERVER', status: 'ABSENT' })).toBe('absent');
  });

  it('keeps observers, the secretariat and guests apart', () => {
    expect(listOf({ category: 'OBSERVER', status: 'DIGITAL' })).toBe('observers');
    expect(listOf({ category: 'SECRETARIAT', status: 'PRESENT' })).toBe('secretariat');
    expect(listOf({ category: 'GUEST', status: 'PRESENT' })).toBe('guests');
  });

  it('keeps the recorded order within each list', () => {
    const rows = [
      { id: 'a', category: 'MEMBER', status: 'PRESENT' },
      { id: 'b', category: 'SECRETARIAT', status: 'PRESENT' },
      { id: 'c', category: 'MEMBER', status: 'DIGITAL' },
    ] as const;
    const groups = groupAttendance(rows);
    expect(groups.present.map((r) => r.id)).toEqual(['a', 'c']);
    expect(groups.secretariat.map((r) => r.id)).toEqual(['b']);
    expect(groups.absent).toEqual([]);
  });
});
