import { describe, expect, it, vi } from 'vitest';
import { LoginError, Session } from './session';

const user = { id: '1', email: 'kari@example.org', name: 'Kari Nordmann', role: 'SECRETARIAT', personId: null };
const ok = (token: string) =>
  new Response(JSON.stringify({ accessToken: token, tokenType: 'Bearer', expiresIn: 900, user }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
const failure = (status: number, code: string) =>
  new Response(JSON.stringify({ error: { code, message: code } }), { status });

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

function sessionWith(fetcher: typeof fetch, now = () => 0, hint = memoryStorage()) {
  return new Session(fetcher, now, null, hint);
}

describe('the login session', () => {
  it('keeps the token and the user after a login', async () => {
    const s = sessionWith(vi.fn<typeof fetch>().mockResolvedValue(ok('t1')));
    await s.login('kari@example.org', 'secret');
    expect(s.accessToken()).toBe('t1');
    expect(s.getState()).toEqual({ status: 'authenticated', user });
  });

  it('says why a login failed', async () => {
    const wrong = sessionWith(vi.fn<typeof fetch>().mockResolvedValue(failure(401, 'INVALID_CREDENTIALS')));
    await expect(wrong.login('a@b.no', 'x')).rejects.toEqual(new LoginError('INVALID_CREDENTIALS'));
    const throttled = sessionWith(vi.fn<typeof fetch>().mockResolvedValue(failure(429, 'RATE_LIMITED')));
    await expect(throttled.login('a@b.no', 'x')).rejects.toEqual(new LoginError('RATE_LIMITED'));
    const offline = sessionWith(vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(offline.login('a@b.no', 'x')).rejects.toEqual(new LoginError('NETWORK'));
  });

  it('renews a minute before the token runs out', async () => {
    let now = 0;
    const s = sessionWith(vi.fn<typeof fetch>().mockResolvedValue(ok('t1')), () => now);
    await s.login('kari@example.org', 'secret');
    now = 839_000;
    expect(s.expiresSoon()).toBe(false);
    now = 840_000;
    expect(s.expiresSoon()).toBe(true);
  });

  it('sends one refresh for many callers', async () => {
    const fetcher = vi.fn<typeof fetch>().mockResolvedValue(ok('t2'));
    const s = sessionWith(fetcher);
    const results = await Promise.all([s.refresh(), s.refresh(), s.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(s.accessToken()).toBe('t2');
  });

  it('becomes the public when the refresh cookie is refused', async () => {
    const s = sessionWith(vi.fn<typeof fetch>().mockResolvedValue(failure(401, 'UNAUTHENTICATED')));
    expect(await s.refresh()).toBe(false);
    expect(s.getState()).toEqual({ status: 'anonymous' });
    expect(s.accessToken()).toBeNull();
  });

  it('does not re-render listeners when a renewal changes nothing but the token', async () => {
    const fetcher = vi.fn<typeof fetch>().mockResolvedValueOnce(ok('t1')).mockResolvedValueOnce(ok('t2'));
    const s = sessionWith(fetcher);
    await s.login('kari@example.org', 'secret');
    const listener = vi.fn();
    s.subscribe(listener);
    await s.refresh();
    expect(s.accessToken()).toBe('t2');
    expect(listener).not.toHaveBeenCalled();
  });

  it('forgets the session on logout even when the API cannot be reached', async () => {
    const fetcher = vi.fn<typeof fetch>().mockResolvedValueOnce(ok('t1')).mockRejectedValueOnce(new TypeError('offline'));
    const s = sessionWith(fetcher);
    await s.login('kari@example.org', 'secret');
    expect(await s.logout()).toBe(false);
    expect(s.getState()).toEqual({ status: 'anonymous' });
  });

  it('does not ask the API on load when this browser never logged in', async () => {
    const fetcher = vi.fn<typeof fetch>();
    const s = sessionWith(fetcher);
    expect(await s.restore()).toBe(false);
    expect(fetcher).not.toHaveBeenCalled();
    expect(s.getState()).toEqual({ status: 'anonymous' });
  });

  it('picks the session up on load after an earlier login', async () => {
    const hint = memoryStorage();
    await sessionWith(vi.fn<typeof fetch>().mockResolvedValue(ok('t1')), () => 0, hint).login('kari@example.org', 's');
    const reloaded = sessionWith(vi.fn<typeof fetch>().mockResolvedValue(ok('t2')), () => 0, hint);
    expect(await reloaded.restore()).toBe(true);
    expect(reloaded.accessToken()).toBe('t2');
  });
});
