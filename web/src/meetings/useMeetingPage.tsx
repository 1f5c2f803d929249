// The pages for one meeting find it the same way: by the code in the address, with the same
// page when the code names no meeting, while it loads and when fetching it failed.
import type { OperationContext, RequestPolicy, TypedDocumentNode } from '@urql/core';
import type { ReactElement } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorCodes } from '../api/errors';
import { ErrorState, Loading } from '../components/states';
import { usePageTitle } from '../components/usePageTitle';
import { useMessages } from '../i18n/LanguageProvider';
import messages from './messages';
import { meetingCodeFromParam } from './urls';
import { MeetingNotFound } from './views/MeetingNotFound';

type MeetingPage<Data extends { meeting?: unknown }> =
  | { fallback: ReactElement; meeting?: undefined }
  | { fallback: null; meeting: NonNullable<Data['meeting']>; data: Data; refresh: () => void };

export function useMeetingPage<Data extends { meeting?: unknown }>(
  query: TypedDocumentNode<Data, { code: string }>,
  {
    title,
    context,
    requestPolicy,
  }: {
    /** The window title for the meeting with this code. */
    title: (code: string) => string;
    /** A constant, as urql re-runs the query when it changes. */
    context?: Partial<OperationContext>;
    requestPolicy?: RequestPolicy;
  },
): MeetingPage<Data> {
  const t = useMessages(messages);
  const params = useParams();
  const code = meetingCodeFromParam(params.code);
  usePageTitle(code ? title(code) : t.meetingNotFound);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query,
    context,
    variables: { code: code ?? '' },
    pause: code === null,
    requestPolicy,
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  if (code === null) return { fallback: <MeetingNotFound code={params.code ?? ''} /> };
  if (!data && fetching) return { fallback: <Loading /> };
  if (error && !data) {
    if (errorCodes(error).has('NOT_FOUND')) return { fallback: <MeetingNotFound code={code} /> };
    return { fallback: <ErrorState error={error} onRetry={refresh} /> };
  }
  const meeting = data?.meeting as Data['meeting'] | undefined;
  if (!data || !meeting) return { fallback: <MeetingNotFound code={code} /> };
  return { fallback: null, meeting, data, refresh };
}
