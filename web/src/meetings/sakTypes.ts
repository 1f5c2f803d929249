import type { SakType } from '../gql/graphql';

/** "Diskusjonssak/vedtakssak", as the papers combine them. */
export function formatSakTypes(types: readonly SakType[], label: (type: SakType) => string): string {
  return types
    .map((type, i) => {
      const text = label(type);
      return i === 0 ? text : text.charAt(0).toLocaleLowerCase() + text.slice(1);
    })
    .join('/');
}
