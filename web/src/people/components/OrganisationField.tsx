import { Textfield } from '@digdir/designsystemet-react';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../gql';

const OrganisationOptionsQuery = graphql(`
  query OrganisationOptions {
    organisations(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          shortName
        }
      }
    }
  }
`);

const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: OrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
      shortName
      version
    }
  }
`);

// A stable context (a new object each render would run the query again and again).
const organisationsContext = { additionalTypenames: ['Organisation'] };

export interface OrganisationOption {
  id: string;
  name: string;
}

/** The organisations to choose from (the API lists them by name, 100 at most per page). */
export function useOrganisationOptions(): OrganisationOption[] {
  const [{ data }] = useQuery({ query: OrganisationOptionsQuery, context: organisationsContext });
  return data?.organisations.edges.map((e) => e.node) ?? [];
}

/**
 * The organisation's id for a typed name: an existing one with that name, or a new one
 * (the API finds an organisation with exactly that name or creates it).
 */
export function useResolveOrganisation() {
  const client = useClient();
  return async (name: string, options: OrganisationOption[]) => {
    const wanted = name.trim();
    const known = options.find((o) => o.name.localeCompare(wanted, 'nb', { sensitivity: 'accent' }) === 0);
    if (known) return { id: known.id, name: known.name, error: undefined };
    const result = await client.mutation(CreateOrganisationMutation, { input: { name: wanted } }).toPromise();
    const created = result.data?.createOrganisation;
    return { id: created?.id ?? null, name: created?.name ?? wanted, error: result.error };
  };
}

/** A text field that suggests the known organisations; a new name is created on save. */
export function OrganisationField({
  id,
  label,
  description,
  value,
  onChange,
  error,
  options,
}: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  options: OrganisationOption[];
}) {
  const listId = `${id}-options`;
  return (
    <>
      <Textfield
        id={id}
        label={label}
        description={description}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        list={listId}
        autoComplete="off"
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.name} />
        ))}
      </datalist>
    </>
  );
}
