import { Button, Dialog, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { DataTable, RowAction } from '../../components/DataTable';
import { ErrorState } from '../../components/states';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { ApiTokenTable_TokenFragment } from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

export const ApiTokenFragment = graphql(`
  fragment ApiTokenTable_Token on ApiToken {
    id
    name
    prefix
    scopes
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      ...ApiTokenTable_Token
    }
  }
`);

type Token = ApiTokenTable_TokenFragment;

function status(token: Token, now: number): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

const STATUS_COLOR = { active: 'success', revoked: 'neutral', expired: 'warning' } as const;

export function ApiTokenTable({
  tokens: masked,
  onRevoked,
}: {
  tokens: FragmentType<typeof ApiTokenFragment>[];
  onRevoked: (name: string) => void;
}) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const [confirming, setConfirming] = useState<Token | null>(null);
  const [result, revoke] = useMutation(RevokeApiTokenMutation);
  const tokens = masked.map((m) => getFragmentData(ApiTokenFragment, m));
  // The moment the list was shown decides which tokens read as expired.
  const [now] = useState(() => Date.now());

  async function confirmRevoke() {
    if (!confirming) return;
    const response = await revoke({ id: confirming.id });
    if (!response.error) {
      onRevoked(confirming.name);
      setConfirming(null);
    }
  }

  return (
    <>
      <DataTable
        testId="api-tokens"
        caption={t.listHeading}
        columns={[t.colName, t.colPrefix, t.colScopes, t.colCreated, t.colExpires, t.colLastUsed, t.colStatus, t.colActions]}
      >
        {tokens.map((token) => {
          const s = status(token, now);
          return (
            <Table.Row key={token.id}>
              <Table.Cell>{token.name}</Table.Cell>
              <Table.Cell>
                <code>{token.prefix}…</code>
              </Table.Cell>
              <Table.Cell>{token.scopes.join(', ')}</Table.Cell>
              <Table.Cell>{formatDateTime(token.createdAt, lang)}</Table.Cell>
              <Table.Cell>{token.expiresAt ? formatDateTime(token.expiresAt, lang) : t.never}</Table.Cell>
              <Table.Cell>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, lang) : t.notUsed}</Table.Cell>
              <Table.Cell>
                <Tag data-size="sm" data-color={STATUS_COLOR[s]}>
                  {t[s]}
                </Tag>
              </Table.Cell>
              <Table.Cell>
                {s === 'active' && (
                  <RowAction label={t.revokeLabel(token.name)} onClick={() => setConfirming(token)} danger>
                    {t.revoke}
                  </RowAction>
                )}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </DataTable>
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        closeButton={t.closeDialog}
        aria-labelledby="revoke-h"
      >
        {confirming && (
          <Dialog.Block>
            <Heading level={2} data-size="xs" id="revoke-h">
              {t.revokeHeading(confirming.name)}
            </Heading>
            <Paragraph>{t.revokeText}</Paragraph>
            {result.error && <ErrorState error={result.error} />}
            <div className="button-row">
              <Button data-color="danger" onClick={confirmRevoke} loading={result.fetching} disabled={result.fetching}>
                {t.revokeConfirm}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(null)}>
                {t.cancel}
              </Button>
            </div>
          </Dialog.Block>
        )}
      </Dialog>
    </>
  );
}
