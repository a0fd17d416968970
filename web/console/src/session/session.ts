/**
 * The signed-in staff user's session, kept in memory only: a reload or a closed tab signs out,
 * and no token is ever written where another script or the next user of the computer could
 * read it. The API's refresh token renews the access token as it runs out.
 */

export interface StaffUser {
  id: number;
  name: string;
  login: string;
  role: 'admin' | 'staff';
  must_change_password: boolean;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: StaffUser;
}

/** Why a session ended: the user signed out, or it could no longer be renewed. */
export type SessionEnd = 'signed_out' | 'expired';

type Listener = () => void;

export class SessionStore {
  #session: Session | null = null;
  #ended: SessionEnd | null = null;
  readonly #listeners = new Set<Listener>();

  get current(): Session | null {
    return this.#session;
  }

  /** How the last session ended, until the next sign-in. */
  get ended(): SessionEnd | null {
    return this.#ended;
  }

  start(session: Session): void {
    this.#session = session;
    this.#ended = null;
    this.#notify();
  }

  /** New tokens for the same user (a refresh, or a password change that signed other sessions out). */
  renew(tokens: { accessToken: string; refreshToken: string }, user?: Partial<StaffUser>): void {
    if (!this.#session) return;
    this.#session = { ...tokens, user: { ...this.#session.user, ...user } };
    this.#notify();
  }

  end(reason: SessionEnd): void {
    if (!this.#session) return;
    this.#session = null;
    this.#ended = reason;
    this.#notify();
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

export const sessions = new SessionStore();
