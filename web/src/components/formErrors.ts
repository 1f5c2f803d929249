// What a failed save means for a form: errors at the fields the API names, a sentence for
// the rest, and whether someone else saved first (CONFLICT).
import type { CombinedError } from '@urql/core';
import { errorCodes, problemsOf, useDescribeError, useInvalidFieldText } from '../api/errors';

export interface ServerErrors {
  /** Field → sentence, for fields the API named (VALIDATION). */
  fields: Record<string, string>;
  /** A sentence for everything else (network, access, internal), or null. */
  other: string | null;
  /** Someone else saved first: the form offers to resolve it. */
  conflict: boolean;
}

/**
 * The API names fields as the input does ("email", "endsOn", "members.2.personId").
 * `known` gives the form's own sentence per field; other named fields get a generic one.
 */
export function useServerErrors(error: CombinedError | undefined | null, known: Record<string, string> = {}): ServerErrors {
  const describe = useDescribeError();
  const invalid = useInvalidFieldText();
  if (!error) return { fields: {}, other: null, conflict: false };
  const fields: Record<string, string> = {};
  let unnamed = false;
  for (const p of problemsOf(error)) {
    if (p.code === 'VALIDATION' && p.field) {
      const last = p.field.split('.').pop() ?? p.field;
      const key = p.field in known ? p.field : last in known ? last : p.field;
      fields[key] ??= known[key] ?? invalid;
    } else if (p.code !== 'CONFLICT') {
      unnamed = true;
    }
  }
  const conflict = errorCodes(error).has('CONFLICT');
  return { fields, other: unnamed ? describe(error) : null, conflict };
}

/** A URL the API will accept for a link: http(s) only. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Empty text as null, for optional fields. */
export const orNull = (value: string): string | null => (value.trim() ? value.trim() : null);
