import type { ReactNode } from 'react';
import { PagedFooter } from './PagedFooter';
import { EmptyState, ErrorState, Loading } from './states';
import type { Paged } from './usePagedQuery';

/**
 * A paged list in its states: loading, failed, empty, or the list (the children) with
 * "showing 50 of 120" and "show more" under it.
 */
export function PagedResults<Node>({
  paged,
  empty,
  countText,
  children,
}: {
  paged: Paged<Node>;
  empty: ReactNode;
  countText?: (n: number) => string;
  children: ReactNode;
}) {
  if (paged.loading) return <Loading />;
  if (paged.error) return <ErrorState error={paged.error} onRetry={paged.retry} />;
  if (paged.totalCount === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="stack">
      {children}
      <PagedFooter paged={paged} countText={countText} />
    </div>
  );
}
