export const adminUrl = () => '/admin';
export const apiTokensUrl = () => '/admin/api-tokens';
export const usersUrl = () => '/admin/users';
export const auditLogUrl = (filters: { entity?: string; entityId?: string } = {}) => {
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  const query = params.toString();
  return query ? `/admin/audit?${query}` : '/admin/audit';
};
