// Turns what the API says went wrong into something the user can read and a form can use.
// The API puts a stable code in extensions.code (and the field in extensions.field for
// VALIDATION); its English message is for developers, not for the screen.
import type { CombinedError } from '@urql/core';
import { useMessages } from '../i18n/LanguageProvider';
import errorMessages from './messages';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
  'LIMIT_EXCEEDED',
  'BAD_REQUEST',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number] | 'NETWORK' | 'UNKNOWN';

export interface Problem {
  code: ErrorCode;
  /** The API's own (English) message. */
  message: string;
  field?: string;
  requestId?: string;
}

function asCode(value: unknown): ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value) ? (value as ErrorCode) : 'UNKNOWN';
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Every problem in an urql error, the network failure included. */
export function problemsOf(error: CombinedError): Problem[] {
  const problems: Problem[] = error.graphQLErrors.map((e) => ({
    code: asCode(e.extensions.code),
    message: e.message,
    field: str(e.extensions.field),
    requestId: str(e.extensions.requestId),
  }));
  if (error.networkError) problems.push({ code: 'NETWORK', message: error.networkError.message });
  if (problems.length === 0) problems.push({ code: 'UNKNOWN', message: error.message });
  return problems;
}

/** The codes in an error, to branch on (e.g. NOT_FOUND shows the not-found page). */
export function errorCodes(error: CombinedError | undefined): Set<ErrorCode> {
  return new Set(error ? problemsOf(error).map((p) => p.code) : []);
}

/** Field errors by field name, for forms: the API names fields as the input does. */
export function fieldProblems(error: CombinedError | undefined): Map<string, Problem> {
  const fields = new Map<string, Problem>();
  if (!error) return fields;
  for (const p of problemsOf(error)) {
    if (p.code === 'VALIDATION' && p.field && !fields.has(p.field)) fields.set(p.field, p);
  }
  return fields;
}

/** A function that says an error in the user's language: one sentence per distinct problem. */
export function useDescribeError(): (error: CombinedError) => string {
  const t = useMessages(errorMessages);
  return (error) => {
    const sentences = problemsOf(error).map((p) => (p.code === 'INTERNAL' ? t.INTERNAL(p.requestId ?? '') : t[p.code]));
    return [...new Set(sentences)].join(' ');
  };
}

/** The generic "check this field" text, for fields a form has no specific message for. */
export function useInvalidFieldText(): string {
  return useMessages(errorMessages).invalidField;
}
