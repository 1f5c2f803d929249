import { describe, expect, it } from 'vitest';
import { niceMax } from './BarChart';

describe('chart axes', () => {
  it('round up to readable numbers', () => {
    expect(niceMax(7)).toBe(10);
    expect(niceMax(4)).toBe(5);
    expect(niceMax(23)).toBe(25);
    expect(niceMax(0.83)).toBe(1);
    expect(niceMax(0)).toBe(1);
    expect(niceMax(100)).toBe(100);
  });
});
