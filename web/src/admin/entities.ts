// The tables the audit log names (the API's `entity`), in the order the filter lists them.
export const AUDITED = [
  'sak',
  'meeting',
  'attendance',
  'conflict_of_interest',
  'minutes_comment',
  'follow_up',
  'attachment',
  'sak_case_officer',
  'sak_presenter',
  'sak_reference',
  'person',
  'affiliation',
  'appointment',
  'organisation',
  'council',
  'council_period',
  'sector',
  'policy_document',
  'consultation_round',
  'working_group',
  'working_group_member',
  'event',
  'publication',
  'stored_file',
  'user_account',
] as const;
export type Audited = (typeof AUDITED)[number];

export const isAudited = (value: string | null): value is Audited =>
  value !== null && (AUDITED as readonly string[]).includes(value);

/** The first password must be this long (the API's rule): the secretariat can do more. */
export const minPasswordLength = (role: string) => (role === 'SECRETARIAT' ? 15 : 8);
