import type { ConsultationKind, PolicyDocumentKind, ResponseStatus } from '../gql/graphql';

export const DOCUMENT_KINDS: PolicyDocumentKind[] = [
  'MELDING',
  'NOU',
  'STRATEGI',
  'HANDLINGSPLAN',
  'VEIKART',
  'FORSKRIFT',
  'LOVFORSLAG',
  'STATSBUDSJETT',
  'ANNET',
];
export const ROUND_KINDS: ConsultationKind[] = ['INNSPILL', 'HOERING', 'STORTINGET_HEARING'];
export const RESPONSE_STATUSES: ResponseStatus[] = ['CONSIDERING', 'DRAFTING', 'SENT', 'DECLINED', 'NOT_ANSWERED'];

export const isDocumentKind = (v: string | null): v is PolicyDocumentKind =>
  v !== null && (DOCUMENT_KINDS as string[]).includes(v);

/** How a document is named in lists and headings: "Meld. St. 9 (2023–2024) Title", or the title alone. */
export const documentName = (d: { reference?: string | null; title: string }): string =>
  d.reference ? `${d.reference} ${d.title}` : d.title;
