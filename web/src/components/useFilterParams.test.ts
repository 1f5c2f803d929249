import { describe, expect, it } from 'vitest';
import { yesNoOptions } from './Filters';
import { yesNoParam } from './useFilterParams';

describe('yes/no filters', () => {
  it('reads the values its options write', () => {
    const [yes, no] = yesNoOptions('Aktive', 'Deaktiverte');
    expect(yesNoParam(yes!.value)).toBe(true);
    expect(yesNoParam(no!.value)).toBe(false);
  });

  it('is no filter when unset or unknown', () => {
    expect(yesNoParam(null)).toBeNull();
    expect(yesNoParam('')).toBeNull();
    expect(yesNoParam('ja')).toBeNull();
  });
});
