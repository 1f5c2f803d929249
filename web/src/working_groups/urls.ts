export const workingGroupsUrl = () => '/working-groups';
export const workingGroupUrl = (id: string) => `/working-groups/${encodeURIComponent(id)}`;
/** The form for a new group; `sak` fills in the vedtak it comes from ("19/2/2026"). */
export const newWorkingGroupUrl = (options: { sak?: string; roundId?: string; documentId?: string } = {}) => {
  const params = new URLSearchParams();
  if (options.sak) params.set('sak', options.sak);
  if (options.roundId) params.set('round', options.roundId);
  if (options.documentId) params.set('document', options.documentId);
  const query = params.toString();
  return query ? `/working-groups/new?${query}` : '/working-groups/new';
};
