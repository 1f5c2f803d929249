import type { WorkingGroupKind, WorkingGroupRole, WorkingGroupStatus } from '../../gql/graphql';

export const GROUP_KINDS: WorkingGroupKind[] = ['ARBEIDSGRUPPE', 'REFERANSEGRUPPE', 'PLANLEGGINGSGRUPPE', 'PROGRAMKOMITE'];
export const GROUP_STATUSES: WorkingGroupStatus[] = ['PROPOSED', 'ACTIVE', 'FINISHED'];
export const GROUP_ROLES: WorkingGroupRole[] = ['LEADER', 'MEMBER', 'SECRETARY'];

export const isGroupKind = (v: string | null): v is WorkingGroupKind => v !== null && (GROUP_KINDS as string[]).includes(v);
export const isGroupStatus = (v: string | null): v is WorkingGroupStatus =>
  v !== null && (GROUP_STATUSES as string[]).includes(v);
