export const loginUrl = (next?: string) =>
  next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';

/** Only paths inside the app are followed after login (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
