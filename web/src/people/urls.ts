export const councilUrl = (date?: string) => (date ? `/people?date=${date}` : '/people');
export const peopleListUrl = () => '/people/all';
export const organisationsUrl = () => '/people/organisations';
export const personUrl = (id: string) => `/people/${encodeURIComponent(id)}`;
export const newPersonUrl = () => '/people/new';
