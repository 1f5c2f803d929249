import { describe, expect, it } from 'vitest';
import { isAppointmentRole, runsOn } from './roles';

describe('appointments', () => {
  it('run from their first to their last day, both included', () => {
    const a = { startsOn: '2020-01-01', endsOn: '2023-12-31' };
    expect(runsOn(a, '2020-01-01')).toBe(true);
    expect(runsOn(a, '2023-12-31')).toBe(true);
    expect(runsOn(a, '2024-01-01')).toBe(false);
    expect(runsOn(a, '2019-12-31')).toBe(false);
  });

  it('run on when no end is set', () => {
    expect(runsOn({ startsOn: '2020-01-01', endsOn: null }, '2040-01-01')).toBe(true);
  });

  it('knows the roles the API has', () => {
    expect(isAppointmentRole('VICE_CHAIR')).toBe(true);
    expect(isAppointmentRole('vice_chair')).toBe(false);
    expect(isAppointmentRole(null)).toBe(false);
  });
});
