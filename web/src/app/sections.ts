// Sections whose screens are not built yet: they have their place in the menu and an
// honest page saying so, rather than made-up content.
export const ComingSoonPaths = {
  saker: '/saker',
} as const;
