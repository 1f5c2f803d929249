// urql's document cache refetches a query when a mutation returns one of the query's types,
// but only a query whose result is in the cache. A query already on its way (refetched after
// an earlier mutation, e.g. the organisation created just before a person is moved to it) is
// skipped, and its answer may hold what the server read before the later mutation committed:
// the page then stays stale. This exchange, between the cache and the network, asks such a
// query once more when its answer arrives.
import { makeOperation, type Exchange } from '@urql/core';
import { pipe, tap } from 'wonka';

/** Every `__typename` in a result, plus the types an operation names in its context. */
export function typenamesOf(data: unknown, extra: readonly string[] = [], into = new Set<string>(extra)): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) typenamesOf(item, [], into);
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (key === '__typename' && typeof value === 'string') into.add(value);
      else typenamesOf(value, [], into);
    }
  }
  return into;
}

export const refetchStaleExchange: Exchange = ({ client, forward }) => {
  // Query on its way (by key) → the types that mutations returned meanwhile.
  const pending = new Map<number, Set<string>>();
  return (operations$) =>
    pipe(
      operations$,
      tap((operation) => {
        if (operation.kind === 'query' && !pending.has(operation.key)) pending.set(operation.key, new Set());
        else if (operation.kind === 'teardown') pending.delete(operation.key);
      }),
      forward,
      tap((result) => {
        const { operation } = result;
        if (operation.kind === 'mutation') {
          const changed = typenamesOf(result.data, operation.context.additionalTypenames);
          for (const seen of pending.values()) for (const type of changed) seen.add(type);
          return;
        }
        const seen = pending.get(operation.key);
        if (operation.kind !== 'query' || !seen) return;
        pending.delete(operation.key);
        const own = typenamesOf(result.data, operation.context.additionalTypenames);
        if ([...own].some((type) => seen.has(type))) {
          client.reexecuteOperation(makeOperation('query', operation, { ...operation.context, requestPolicy: 'network-only' }));
        }
      }),
    );
};
