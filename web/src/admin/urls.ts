export const adminUrl = () => '/admin';
export const apiTokensUrl = () => '/admin/api-tokens';
