import { Client, cacheExchange, gql, makeResult, type Exchange, type Operation, type OperationResult } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { empty, makeSubject, merge, mergeMap, onPush, pipe, subscribe } from 'wonka';
import { refetchStaleExchange, typenamesOf } from './refetchStale';

const PersonQuery = gql`
  query Person {
    person {
      id
      organisation {
        id
      }
      affiliations {
        id
      }
    }
  }
`;
const CreateOrganisation = gql`
  mutation CreateOrganisation {
    createOrganisation {
      id
    }
  }
`;
const ChangeOrganisation = gql`
  mutation ChangeOrganisation {
    changeOrganisation {
      id
    }
  }
`;

const person = (affiliations: string[]) => ({
  person: {
    __typename: 'Person',
    id: 'p1',
    organisation: { __typename: 'Organisation', id: 'o1' },
    affiliations: affiliations.map((id) => ({ __typename: 'Affiliation', id })),
  },
});

/** A client whose network answers only when the test says so. */
function setUp() {
  const sent: Operation[] = [];
  const answers = makeSubject<OperationResult>();
  const network: Exchange = () => (operations$) =>
    merge([
      pipe(
        operations$,
        onPush((op) => {
          if (op.kind !== 'teardown') sent.push(op);
        }),
        mergeMap(() => empty),
      ),
      answers.source,
    ]);
  const client = new Client({ url: '/graphql', exchanges: [cacheExchange, refetchStaleExchange, network] });
  const answer = (op: Operation, data: object) => answers.next(makeResult(op, { data }));
  const queries = () => sent.filter((op) => op.kind === 'query');
  const query = (n: number) => queries()[n] ?? expect.fail(`query ${n} was not sent`);
  const lastSent = () => sent.at(-1) ?? expect.fail('nothing was sent');
  const latest: { data?: unknown } = {};
  pipe(
    client.query(PersonQuery, {}),
    subscribe((result) => (latest.data = result.data)),
  );
  return { client, answer, queries, query, lastSent, latest };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('refetching queries that were on their way during a mutation', () => {
  it('asks again when the answer may predate a mutation that returned its types', async () => {
    const { client, answer, queries, query, lastSent, latest } = setUp();
    answer(query(0), person(['a1']));
    // A new organisation: the cache refetches the person, and that request is on its way…
    const created = client.mutation(CreateOrganisation, {}).toPromise();
    await settle();
    answer(lastSent(), { createOrganisation: { __typename: 'Organisation', id: 'o2' } });
    await created;
    await settle();
    expect(queries()).toHaveLength(2);
    // …while the person is moved to it,
    const changed = client.mutation(ChangeOrganisation, {}).toPromise();
    await settle();
    answer(lastSent(), { changeOrganisation: { __typename: 'Affiliation', id: 'a2' } });
    await changed;
    // and the refetch answers with what the server read before the move.
    answer(query(1), person(['a1']));
    await settle();
    expect(queries()).toHaveLength(3);
    expect(query(2).context.requestPolicy).toBe('network-only');
    answer(query(2), person(['a1', 'a2']));
    await settle();
    expect(latest.data).toEqual(person(['a1', 'a2']));
  });

  it('does not ask again when no mutation came in between', async () => {
    const { client, answer, queries, query, lastSent } = setUp();
    answer(query(0), person(['a1']));
    const created = client.mutation(CreateOrganisation, {}).toPromise();
    await settle();
    answer(lastSent(), { createOrganisation: { __typename: 'Organisation', id: 'o2' } });
    await created;
    await settle();
    answer(query(1), person(['a1']));
    await settle();
    expect(queries()).toHaveLength(2);
  });

  it('collects the types of nested results and of the context', () => {
    expect([...typenamesOf(person(['a1']), ['Appointment'])].sort()).toEqual(['Affiliation', 'Appointment', 'Organisation', 'Person']);
  });
});
