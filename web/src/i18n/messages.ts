// Typed messages: each domain folder has a messages.ts with one object per language.
// Norwegian bokmål is the source; English must have exactly the same keys and shapes,
// which the compiler checks. A message is a string or a function that builds one.

export const LANGUAGES = ['nb', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'nb';

// `never[]` parameters accept every function signature.
export type Message = string | ((...args: never[]) => string);
export type Messages = Record<string, Message>;
export type Catalog<T extends Messages> = Record<Lang, T>;

/** Declares a domain's messages; `en` must match `nb` key for key. */
export function defineMessages<T extends Messages>(nb: T, en: NoInfer<T>): Catalog<T> {
  return { nb, en };
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
