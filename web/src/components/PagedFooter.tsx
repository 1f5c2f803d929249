import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useMessages } from '../i18n/LanguageProvider';
import messages from './messages';
import { ErrorState } from './states';
import type { Paged } from './usePagedQuery';

/** "Showing 50 of 120" and the "show more" button under a paged list. */
export function PagedFooter<Node>({ paged, countText }: { paged: Paged<Node>; countText?: (n: number) => string }) {
  const t = useMessages(messages);
  const { nodes, totalCount } = paged;
  return (
    <>
      <Paragraph data-size="sm" aria-live="polite" className="muted">
        {nodes.length < totalCount ? t.shownOf(nodes.length, totalCount) : countText ? countText(totalCount) : null}
      </Paragraph>
      {paged.moreError && <ErrorState error={paged.moreError} onRetry={paged.loadMore} />}
      {paged.hasNext && (
        <div>
          <Button variant="secondary" onClick={paged.loadMore} loading={paged.loadingMore} disabled={paged.loadingMore}>
            {t.loadMore}
          </Button>
        </div>
      )}
    </>
  );
}
