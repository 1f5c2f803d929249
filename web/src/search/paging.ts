// The search answers a plain list; "show more" passes the last hit's cursor as `after`.
import type { Page } from '../components/usePagedQuery';

/** The API never returns more than the best 200 hits of one search. */
export const SEARCH_LIMIT = 200;

/** One page of hits as a connection page: only a full page may have more after it. */
export function searchPage<Hit extends { cursor: string }>(hits: Hit[], pageSize: number): Page<Hit> {
  return {
    // Unknown in advance; the count shown is the hits loaded so far.
    totalCount: hits.length,
    pageInfo: { hasNextPage: hits.length === pageSize, endCursor: hits.at(-1)?.cursor ?? null },
    edges: hits.map((node) => ({ node })),
  };
}

/** Whether asking for more can find any: past the API's limit it would return nothing. */
export const mayShowMore = (shown: number, hasNext: boolean) => hasNext && shown < SEARCH_LIMIT;
