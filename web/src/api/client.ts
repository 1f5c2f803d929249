// The one GraphQL client: adds the access token, renews it before it runs out and when the
// API answers UNAUTHENTICATED, and caches query results per document (a mutation's result
// refetches the queries that contain the types it returned, also those on their way).
import { Client, cacheExchange, fetchExchange, type CombinedError } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { apiUrl } from './config';
import { refetchStaleExchange } from './refetchStale';
import type { Session } from './session';

function isAuthError(error: CombinedError): boolean {
  return (
    error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions.code === 'UNAUTHENTICATED')
  );
}

export function createClient(session: Session): Client {
  return new Client({
    url: apiUrl('/graphql'),
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      refetchStaleExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = session.accessToken();
          return token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation;
        },
        willAuthError: () => session.expiresSoon(),
        didAuthError: (error) => isAuthError(error) && session.accessToken() !== null,
        async refreshAuth() {
          await session.refresh();
        },
      })),
      fetchExchange,
    ],
  });
}
