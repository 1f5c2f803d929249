import { useQuery } from 'urql';
import { graphql } from '../../gql';

const GroupDocumentOptionsQuery = graphql(`
  query GroupDocumentOptions {
    policyDocuments(first: 100) {
      edges {
        node {
          id
          reference
          title
          consultationRounds {
            id
            kind
            deadline
            deadlineText
            open
          }
        }
      }
    }
  }
`);

/** Policy documents (the newest 100) and their rounds, for linking a group to what it answers. */
export function useDocumentOptions() {
  const [{ data }] = useQuery({ query: GroupDocumentOptionsQuery });
  return data?.policyDocuments.edges.map((e) => e.node) ?? [];
}

export const documentLabel = (d: { reference?: string | null; title: string }) =>
  d.reference ? `${d.reference} ${d.title}` : d.title;
