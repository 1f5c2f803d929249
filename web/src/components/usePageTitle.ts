import { useEffect } from 'react';

/** Sets the window title: "Møte 2/2025 – Møtebok" (WCAG 2.4.2). */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} – Møtebok` : 'Møtebok';
  }, [title]);
}
