import type { AppointmentRole } from '../../gql/graphql';

export const APPOINTMENT_ROLES: AppointmentRole[] = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'DEPUTY', 'OBSERVER', 'SECRETARIAT'];

/** Roles that sit for a sector of the mandate. */
export const SECTOR_ROLES: AppointmentRole[] = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'DEPUTY'];

export function isAppointmentRole(value: string | null): value is AppointmentRole {
  return value !== null && (APPOINTMENT_ROLES as string[]).includes(value);
}

/** Whether an appointment runs on a date ("2025-05-21"); open ends run on. */
export function runsOn(a: { startsOn?: string | null; endsOn?: string | null }, date: string): boolean {
  return (!a.startsOn || a.startsOn <= date) && (!a.endsOn || a.endsOn >= date);
}
