// The login session: a short-lived access token in memory (never in storage that page
// scripts share) and a refresh cookie the browser keeps for /auth. The token is renewed
// before it runs out and whenever the API answers UNAUTHENTICATED, so the user never
// notices; other tabs hear about logins and logouts.
import { apiUrl } from './config';

export type Role = 'SECRETARIAT' | 'MEMBER' | 'OBSERVER';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  personId: string | null;
}

export type SessionState =
  | { status: 'unknown' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: SessionUser };

interface SessionBody {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

/** Why a login failed, as the auth endpoints say it. */
export type LoginFailure = 'INVALID_CREDENTIALS' | 'RATE_LIMITED' | 'VALIDATION' | 'NETWORK' | 'INTERNAL';

export class LoginError extends Error {
  constructor(readonly code: LoginFailure) {
    super(code);
    this.name = 'LoginError';
  }
}

/** Renew this long before the token runs out, to allow for slow requests and clock skew. */
const RENEW_MARGIN_MS = 60_000;
const CHANNEL = 'motebok-session';
/** Not a secret: only whether this browser logged in, to spare the public a refresh call. */
const HINT = 'motebok.session';
const LOCK = 'motebok-refresh';

type Listener = () => void;
type Hint = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultHint(): Hint | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function isSessionBody(value: unknown): value is SessionBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const user = v.user as Record<string, unknown> | undefined;
  return (
    typeof v.accessToken === 'string' &&
    typeof v.expiresIn === 'number' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.role === 'string'
  );
}

async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    const error = (body as { error?: { code?: unknown } }).error;
    return typeof error?.code === 'string' ? error.code : undefined;
  } catch {
    return undefined;
  }
}

export class Session {
  private state: SessionState = { status: 'unknown' };
  private token: string | null = null;
  private expiresAt = 0;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly channel: BroadcastChannel | null;

  constructor(
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
    private readonly now: () => number = Date.now,
    channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL),
    private readonly hint: Hint | null = defaultHint(),
  ) {
    this.channel = channel;
    this.channel?.addEventListener('message', (event: MessageEvent) => {
      if (event.data === 'logout') this.clear();
      // Another tab logged in: its cookie is ours too.
      if (event.data === 'login' && this.state.status !== 'authenticated') void this.refresh();
    });
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SessionState => this.state;

  accessToken(): string | null {
    return this.token;
  }

  /** True when a request now would carry a token about to run out. */
  expiresSoon(): boolean {
    return this.token !== null && this.now() >= this.expiresAt - RENEW_MARGIN_MS;
  }

  async login(email: string, password: string): Promise<SessionUser> {
    let response: Response;
    try {
      response = await this.fetcher(apiUrl('/auth/login'), {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    } catch {
      throw new LoginError('NETWORK');
    }
    if (!response.ok) {
      const code = await errorCode(response);
      if (code === 'INVALID_CREDENTIALS' || code === 'RATE_LIMITED' || code === 'VALIDATION') throw new LoginError(code);
      if (response.status === 401) throw new LoginError('INVALID_CREDENTIALS');
      if (response.status === 429) throw new LoginError('RATE_LIMITED');
      throw new LoginError('INTERNAL');
    }
    const body: unknown = await response.json();
    if (!isSessionBody(body)) throw new LoginError('INTERNAL');
    this.accept(body);
    this.channel?.postMessage('login');
    return body.user;
  }

  /** On page load: picks the session up from the refresh cookie, if this browser has one. */
  restore(): Promise<boolean> {
    if (this.hint && this.hint.getItem(HINT) === null) {
      this.clear();
      return Promise.resolve(false);
    }
    return this.refresh();
  }

  /**
   * Trades the refresh cookie for a new access token. Concurrent callers share one request;
   * tabs take turns (the cookie is single use, and a reused one ends the whole session).
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.withLock(() => this.doRefresh()).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Ends the session here whatever happens; true when the API confirmed it. */
  async logout(everywhere = false): Promise<boolean> {
    let confirmed = false;
    try {
      const response = await this.fetcher(apiUrl(`/auth/logout${everywhere ? '?everywhere=true' : ''}`), {
        method: 'POST',
        credentials: 'include',
      });
      confirmed = response.ok;
    } catch {
      // Offline: the cookie is cleared by the next successful logout or expires by itself.
    }
    this.clear();
    this.channel?.postMessage('logout');
    return confirmed;
  }

  private async withLock<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? locks.request(LOCK, task) : task();
  }

  private async doRefresh(): Promise<boolean> {
    try {
      const response = await this.fetcher(apiUrl('/auth/refresh'), { method: 'POST', credentials: 'include' });
      if (response.ok) {
        const body: unknown = await response.json();
        if (isSessionBody(body)) {
          this.accept(body);
          return true;
        }
      }
    } catch {
      // The API is unreachable: carry on as the public until it answers again.
    }
    this.clear();
    return false;
  }

  private accept(body: SessionBody): void {
    this.token = body.accessToken;
    this.hint?.setItem(HINT, '1');
    this.expiresAt = this.now() + body.expiresIn * 1000;
    const previous = this.state.status === 'authenticated' ? this.state.user : null;
    // Keep the same object while nothing changed, so React does not re-render for a renewal.
    if (!previous || JSON.stringify(previous) !== JSON.stringify(body.user)) {
      this.set({ status: 'authenticated', user: body.user });
    }
  }

  private clear(): void {
    this.hint?.removeItem(HINT);
    this.token = null;
    this.expiresAt = 0;
    if (this.state.status !== 'anonymous') this.set({ status: 'anonymous' });
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
