// What each role may open in the app. The API decides what data each role gets; this only
// decides which screens to offer, so that nobody is sent to a page that cannot work for them.
import type { Role, SessionState } from '../api/session';

export type Audience = 'public' | 'user' | Role[];

export function roleOf(state: SessionState): Role | null {
  return state.status === 'authenticated' ? state.user.role : null;
}

export function allows(audience: Audience, state: SessionState): boolean {
  if (audience === 'public') return true;
  const role = roleOf(state);
  if (role === null) return false;
  return audience === 'user' || audience.includes(role);
}

/** Mirrors the API's policy for minutes, to say why a section is empty rather than guess. */
export type MinutesStatus = 'NONE' | 'DRAFT' | 'SENT_FOR_COMMENTS' | 'APPROVED' | 'PUBLISHED';

export function canReadMinutes(role: Role | null, status: MinutesStatus): boolean {
  switch (role) {
    case 'SECRETARIAT':
      return true;
    case 'MEMBER':
      return status === 'SENT_FOR_COMMENTS' || status === 'APPROVED' || status === 'PUBLISHED';
    case 'OBSERVER':
      return status === 'APPROVED' || status === 'PUBLISHED';
    default:
      return status === 'PUBLISHED';
  }
}
