// Optimistic concurrency in a form: after a CONFLICT the form keeps the user's text, fetches
// what is saved now, and lets the user keep theirs (saved over the new version) or take it.
import { useCallback, useState } from 'react';

export type ConflictState = 'none' | 'loading' | 'loaded';

export function useConflict(fetchLatest: () => Promise<unknown>) {
  const [state, setState] = useState<ConflictState>('none');
  const begin = useCallback(async () => {
    setState('loading');
    await fetchLatest();
    setState('loaded');
  }, [fetchLatest]);
  const end = useCallback(() => setState('none'), []);
  return { active: state !== 'none', theirsLoaded: state === 'loaded', begin, end };
}
