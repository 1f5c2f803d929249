import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { roleOf } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { ApiTokenTable } from '../components/ApiTokenTable';
import { CreateTokenForm } from '../components/CreateTokenForm';
import messages from '../messages';
import { adminUrl } from '../urls';

const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      ...ApiTokenTable_Token
    }
  }
`);

// An empty list carries no __typename, so say which type this query shows: a created
// or revoked token then refreshes the list.
const context = { additionalTypenames: ['ApiToken'] };

/** The secret, shown once with a copy button, until the user says it is saved. */
function CreatedToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const t = useMessages(messages);
  const [copied, setCopied] = useState(false);
  return (
    <Alert data-color="success" tabIndex={-1} data-testid="created-token" className="stack">
      <Heading level={2} data-size="xs">
        {t.createdHeading(name)}
      </Heading>
      <Paragraph>{t.createdText}</Paragraph>
      <Textfield label={t.tokenLabel} value={token} readOnly onFocus={(e) => e.target.select()} className="token-field" />
      <div className="button-row">
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(token);
            setCopied(true);
          }}
        >
          {copied ? t.copied : t.copy}
        </Button>
        <Button variant="tertiary" onClick={onDone}>
          {t.dismiss}
        </Button>
      </div>
      <span className="ds-sr-only" aria-live="polite">
        {copied ? t.copied : ''}
      </span>
    </Alert>
  );
}

export default function ApiTokensView() {
  const t = useMessages(messages);
  usePageTitle(t.apiTokensTitle);
  const state = useSessionState();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ApiTokensQuery, context });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      {roleOf(state) === 'SECRETARIAT' && (
        <Paragraph data-size="sm">
          <RouterLink to={adminUrl()}>{t.adminTitle}</RouterLink>
        </Paragraph>
      )}
      <Heading level={1} data-size="lg">
        {t.apiTokensTitle}
      </Heading>
      <Paragraph>{t.apiTokensIntro}</Paragraph>
      <div role="status" className="live">{notice && <Paragraph>{notice}</Paragraph>}</div>
      {created && (
        <CreatedToken
          key={created.token}
          name={created.name}
          token={created.token}
          onDone={() => setCreated(null)}
        />
      )}
      <CreateTokenForm
        onCreated={(name, token) => {
          setNotice(null);
          setCreated({ name, token });
          requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="created-token"]')?.focus());
        }}
      />
      <section aria-labelledby="tokens-h" className="stack">
        <Heading level={2} data-size="sm" id="tokens-h">
          {t.listHeading}
        </Heading>
        {!data && fetching ? (
          <Loading />
        ) : error && !data ? (
          <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : data && data.apiTokens.length === 0 ? (
          <EmptyState>{t.empty}</EmptyState>
        ) : data ? (
          <ApiTokenTable tokens={data.apiTokens} onRevoked={(name) => setNotice(t.revokedNotice(name))} />
        ) : null}
      </section>
    </>
  );
}
