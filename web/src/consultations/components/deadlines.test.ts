import { describe, expect, it } from 'vitest';
import { daysUntil, urgency } from './deadlines';

describe('deadlines', () => {
  it('counts whole days, also across the change to summer time', () => {
    expect(daysUntil('2025-03-31', '2025-03-29')).toBe(2);
    expect(daysUntil('2025-06-10', '2025-06-10')).toBe(0);
    expect(daysUntil('2025-06-09', '2025-06-10')).toBe(-1);
  });

  it('flags an open deadline two weeks away or less', () => {
    expect(urgency('2025-06-24', '2025-06-10', true)).toBe('soon');
    expect(urgency('2025-06-25', '2025-06-10', true)).toBe('later');
    expect(urgency('2025-06-20', '2025-06-10', false)).toBe('later');
    expect(urgency('2025-06-01', '2025-06-10', true)).toBe('past');
    expect(urgency(null, '2025-06-10', true)).toBeNull();
  });
});
