export const searchUrl = (query?: string) =>
  query && query.trim() ? `/search?q=${encodeURIComponent(query.trim())}` : '/search';
