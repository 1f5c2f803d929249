import { describe, expect, it } from 'vitest';
import { yearsDown } from './dates';

describe('year pickers', () => {
  it('lists the years newest first, both ends included', () => {
    expect(yearsDown(2027, 2024)).toEqual([2027, 2026, 2025, 2024]);
    expect(yearsDown(2025, 2025)).toEqual([2025]);
  });

  it('lists nothing when the first year comes after the last', () => {
    expect(yearsDown(2024, 2025)).toEqual([]);
  });
});
