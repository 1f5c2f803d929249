import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import type { PersonOptionsQuery as PersonOptionsResult } from '../../gql/graphql';

const PersonOptionsQuery = graphql(`
  query PersonOptions($first: Int!, $after: String) {
    people(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

export interface PersonOption {
  id: string;
  name: string;
  organisation: string | null;
}

/**
 * Everyone in the register, by name, for choosing a person. The API has no name search,
 * so the pages (100 each) are read one after the other; the register is small.
 */
export function usePersonOptions(): { options: PersonOption[]; loading: boolean } {
  const client = useClient();
  const [state, setState] = useState<{ options: PersonOption[]; loading: boolean }>({ options: [], loading: true });
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all: PersonOption[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const result = await client.query(PersonOptionsQuery, { first: 100, after }).toPromise();
        const people: PersonOptionsResult['people'] | undefined = result.data?.people;
        if (!people) break;
        all.push(...people.edges.map((e) => ({ id: e.node.id, name: e.node.name, organisation: e.node.organisation?.name ?? null })));
        if (!people.pageInfo.hasNextPage || !people.pageInfo.endCursor) break;
        after = people.pageInfo.endCursor;
      }
      if (!cancelled) setState({ options: all, loading: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [client]);
  return state;
}

/** A native select of people: works with the keyboard (type to jump) and screen readers. */
export function PersonSelect({
  id,
  label,
  description,
  value,
  onChange,
  options,
  emptyLabel,
  error,
}: {
  id?: string;
  label: string;
  description?: string;
  value: string;
  onChange: (id: string) => void;
  options: PersonOption[];
  emptyLabel: string;
  error?: string;
}) {
  return (
    <Field>
      <Label>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={Boolean(error)}>
        <Select.Option value="">{emptyLabel}</Select.Option>
        {options.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.organisation ? `${p.name} (${p.organisation})` : p.name}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
