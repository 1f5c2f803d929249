// Downloads of papers and files that may need the login: the access token lives in
// memory, so a plain link cannot carry it. Logged in, the file is fetched with the token
// and handed to the browser as a download; for the public a plain link does the same.
import { useState } from 'react';
import { apiUrl } from '../api/config';
import { useSession } from '../auth/SessionProvider';

export type DownloadFailure = 'NOT_FOUND' | 'FORBIDDEN' | 'NETWORK' | 'UNKNOWN';

/** The file name from `Content-Disposition` (RFC 6266, UTF-8 form first). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent((star[1] ?? '').trim());
    } catch {
      return null;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || null;
}

export function useDownload() {
  const session = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ url: string; reason: DownloadFailure } | null>(null);

  async function fetchWithToken(url: string): Promise<Response> {
    if (session.expiresSoon()) await session.refresh();
    const send = () => {
      const token = session.accessToken();
      return fetch(apiUrl(url), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    };
    let response = await send();
    if (response.status === 401 && session.accessToken() !== null && (await session.refresh())) response = await send();
    return response;
  }

  async function download(url: string, fallbackName: string): Promise<boolean> {
    setBusy(url);
    setFailure(null);
    try {
      const response = await fetchWithToken(url);
      if (!response.ok) {
        const reason = response.status === 404 ? 'NOT_FOUND' : response.status === 403 ? 'FORBIDDEN' : 'UNKNOWN';
        setFailure({ url, reason });
        return false;
      }
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
      document.body.append(a);
      a.click();
      a.remove();
      // The browser has taken the file once the click is handled; free the memory later.
      window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
      return true;
    } catch {
      setFailure({ url, reason: 'NETWORK' });
      return false;
    } finally {
      setBusy(null);
    }
  }

  return { download, busy, failure, loggedIn: session.accessToken() !== null };
}
