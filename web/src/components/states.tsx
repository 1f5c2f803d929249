// The three states every list and page shares besides its data: loading, failed, empty.
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { useDescribeError } from '../api/errors';
import { useMessages } from '../i18n/LanguageProvider';
import messages from './messages';

export function Loading({ label }: { label?: string }) {
  const t = useMessages(messages);
  return (
    <div className="state state--loading" role="status">
      <Spinner aria-hidden data-size="md" />
      <span>{label ?? t.loading}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  return (
    <Alert data-color="danger" className="state state--error" role="alert">
      <Heading level={2} data-size="xs">
        {t.errorHeading}
      </Heading>
      <Paragraph>{describe(error)}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t.retry}
        </Button>
      )}
    </Alert>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Paragraph className="state state--empty" data-testid="empty">
      {children}
    </Paragraph>
  );
}

/** What the last action did ("Saved."), read out by screen readers; the region is always there. */
export function LiveNotice({ notice }: { notice: string | null }) {
  return <div role="status" className="live">{notice && <Paragraph>{notice}</Paragraph>}</div>;
}

/** A failure the reader has to see now (a refused save, a failed download): announced at once. */
export function FailureAlert({ children }: { children: ReactNode }) {
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
