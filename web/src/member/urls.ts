export const memberPageUrl = () => '/my';
