import { describe, expect, it } from 'vitest';
import type { SessionState } from '../api/session';
import { allows, canReadMinutes } from './access';

const as = (role: 'SECRETARIAT' | 'MEMBER' | 'OBSERVER'): SessionState => ({
  status: 'authenticated',
  user: { id: '1', email: 'x@example.org', name: 'X', role, personId: null },
});

describe('who may open which screen', () => {
  it('lets everybody open public screens', () => {
    expect(allows('public', { status: 'anonymous' })).toBe(true);
  });

  it('asks the public to log in for user screens', () => {
    expect(allows('user', { status: 'anonymous' })).toBe(false);
    expect(allows('user', as('OBSERVER'))).toBe(true);
  });

  it('keeps secretariat screens for the secretariat', () => {
    expect(allows(['SECRETARIAT'], as('SECRETARIAT'))).toBe(true);
    expect(allows(['SECRETARIAT'], as('MEMBER'))).toBe(false);
    expect(allows(['SECRETARIAT'], { status: 'unknown' })).toBe(false);
  });

  it('shows minutes to each role at the stage the API does', () => {
    expect(canReadMinutes(null, 'APPROVED')).toBe(false);
    expect(canReadMinutes(null, 'PUBLISHED')).toBe(true);
    expect(canReadMinutes('OBSERVER', 'SENT_FOR_COMMENTS')).toBe(false);
    expect(canReadMinutes('MEMBER', 'SENT_FOR_COMMENTS')).toBe(true);
    expect(canReadMinutes('MEMBER', 'DRAFT')).toBe(false);
    expect(canReadMinutes('SECRETARIAT', 'DRAFT')).toBe(true);
  });
});
