import { describe, expect, it } from 'vitest';
import { nextDay, osloMidnight } from './oslo';

describe('days in Norway as instants', () => {
  it('starts a summer day at 22:00 UTC the day before', () => {
    expect(osloMidnight('2025-06-10')).toBe('2025-06-09T22:00:00.000Z');
  });

  it('starts a winter day at 23:00 UTC the day before', () => {
    expect(osloMidnight('2025-01-15')).toBe('2025-01-14T23:00:00.000Z');
  });

  it('counts on to the next day across a year', () => {
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });
});
