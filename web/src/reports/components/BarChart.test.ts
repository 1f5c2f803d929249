import { describe, expect, it } from 'vitest';
import { axis } from './BarChart';

describe('chart axes', () => {
  it('step through whole numbers a reader can follow', () => {
    expect(axis(13)).toEqual({ top: 15, step: 5 });
    expect(axis(7)).toEqual({ top: 8, step: 2 });
    expect(axis(100)).toEqual({ top: 100, step: 20 });
  });

  it('never ticks between whole counts', () => {
    expect(axis(1)).toEqual({ top: 1, step: 1 });
    expect(axis(3)).toEqual({ top: 3, step: 1 });
  });

  it('has an axis when there is nothing to show', () => {
    expect(axis(0)).toEqual({ top: 1, step: 1 });
  });
});
