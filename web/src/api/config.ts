// Where the API lives. Empty: the same origin as the app (the API serves the built app,
// or Vite proxies to it in development). Set VITE_API_URL at build time for a separate host.
const base = (import.meta.env.VITE_API_URL ?? '').trim().replace(/\/+$/, '');

export function apiUrl(path: string): string {
  return `${base}${path}`;
}
