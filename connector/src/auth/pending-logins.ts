// Sign-ins under way: what the callback needs to finish one (PKCE verifier, browser binding, returnTo), keyed by
// state. Kept server-side so the verifier never reaches the browser and each state works once.
import { s256 } from './pkce';

export interface PendingLogin {
  state: string;
  codeVerifier: string;
  /** SHA-256 of the HttpOnly cookie that ties the callback to the browser that started the sign-in. */
  bindingHash: string;
  returnTo: string | null;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** Several connector instances share one implementation of this (or route /auth/callback to the starting one). */
export interface PendingLoginStore {
  /** false when full: the sign-in is refused rather than another one dropped. */
  save(login: PendingLogin, nowMs: number): Promise<boolean>;
  /** Removes and returns the sign-in: a state works once. Null when unknown or expired. */
  take(state: string, nowMs: number): Promise<PendingLogin | null>;
}

export class MemoryPendingLogins implements PendingLoginStore {
  // Keyed by the state's hash, so a heap dump shows no live state.
  private readonly byState = new Map<string, PendingLogin>();

  constructor(private readonly maxSize: number) {}

  async save(login: PendingLogin, nowMs: number): Promise<boolean> {
    if (this.byState.size >= this.maxSize) this.sweep(nowMs);
    if (this.byState.size >= this.maxSize) return false;
    this.byState.set(s256(login.state), login);
    return true;
  }

  async take(state: string, nowMs: number): Promise<PendingLogin | null> {
    const key = s256(state);
    const login = this.byState.get(key);
    this.byState.delete(key);
    return login && login.expiresAt > nowMs ? login : null;
  }

  get size(): number {
    return this.byState.size;
  }

  private sweep(nowMs: number): void {
    for (const [key, login] of this.byState) if (login.expiresAt <= nowMs) this.byState.delete(key);
  }
}
