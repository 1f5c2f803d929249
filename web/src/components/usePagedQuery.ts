// A cursor connection shown a page at a time: the first page through useQuery (cached,
// refetched after mutations), further pages appended by "show more".
import type { CombinedError, TypedDocumentNode } from '@urql/core';
import { useCallback, useMemo, useState } from 'react';
import { useClient, useQuery, type AnyVariables } from 'urql';

export interface Page<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: Node }[];
}

export interface Paged<Node> {
  nodes: Node[];
  totalCount: number;
  /** True before the first page has come. */
  loading: boolean;
  error: CombinedError | undefined;
  hasNext: boolean;
  loadMore: () => Promise<void>;
  loadingMore: boolean;
  moreError: CombinedError | null;
  retry: () => void;
}

interface Extra<Node> {
  nodes: Node[];
  cursor: string | null;
  hasNext: boolean;
  /** The variables the extra pages belong to: new filters start from the first page. */
  key: string;
}

export function usePagedQuery<Data, Vars extends AnyVariables & { first: number; after?: string | null }, Node>(
  query: TypedDocumentNode<Data, Vars>,
  variables: Vars,
  select: (data: Data) => Page<Node>,
  options: { pause?: boolean; additionalTypenames?: string[] } = {},
): Paged<Node> {
  const client = useClient();
  const key = JSON.stringify(variables);
  const typenames = options.additionalTypenames?.join(',') ?? '';
  // A new context object would make urql run the query again on every render.
  const context = useMemo(() => (typenames ? { additionalTypenames: typenames.split(',') } : undefined), [typenames]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query, variables, pause: options.pause, context });
  const [extra, setExtra] = useState<Extra<Node> | null>(null);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const first = data ? select(data) : null;
  const more = extra && extra.key === key ? extra : null;
  const nodes = first ? [...first.edges.map((e) => e.node), ...(more?.nodes ?? [])] : [];
  const cursor = more ? more.cursor : (first?.pageInfo.endCursor ?? null);
  const hasNext = Boolean(more ? more.hasNext : first?.pageInfo.hasNextPage) && cursor !== null;

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    const result = await client.query(query, { ...variables, after: cursor }).toPromise();
    setLoadingMore(false);
    if (result.error || !result.data) {
      setMoreError(result.error ?? null);
      return;
    }
    const page = select(result.data);
    setExtra({
      key,
      nodes: [...(more?.nodes ?? []), ...page.edges.map((e) => e.node)],
      cursor: page.pageInfo.endCursor ?? null,
      hasNext: page.pageInfo.hasNextPage,
    });
    // select is a pure projection; the variables are captured through key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, query, key, cursor, more]);

  return {
    nodes,
    totalCount: first?.totalCount ?? 0,
    loading: !data && fetching,
    error: data ? undefined : error,
    hasNext,
    loadMore,
    loadingMore,
    moreError,
    retry: () => {
      setExtra(null);
      reexecute({ requestPolicy: 'network-only' });
    },
  };
}
