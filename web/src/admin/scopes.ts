// The scopes the API accepts for a token (the schema types them as strings).
export const SCOPES = ['read', 'deadlines:read', 'reports:read', 'write'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
