import { graphql } from '../gql';

/** A sak found by its code ("2025-014"): enough to link to it by number and title. */
export const SakByCodeQuery = graphql(`
  query SakByCode($code: String!) {
    sak(code: $code) {
      id
      code
      title
    }
  }
`);
