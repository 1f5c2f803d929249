import { useQuery } from 'urql';
import { graphql } from '../gql';

const CouncilNamesQuery = graphql(`
  query CouncilNames {
    councilSettings {
      name
      shortName
      secretariatOrganisation
    }
  }
`);

// Names the type, so that setting the council up (settings were null) refreshes the names.
const namesContext = { additionalTypenames: ['CouncilSettings'] };

/**
 * The council's names from its settings in the API (nothing council-specific is built into the
 * app); null while loading, and until the secretariat has set the council up. Every page asks
 * (the shell shows the name), so this reads the settings alone, not the council's composition.
 */
export function useCouncilNames() {
  const [{ data }] = useQuery({ query: CouncilNamesQuery, context: namesContext });
  return data?.councilSettings ?? null;
}
