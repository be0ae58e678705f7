// The in-memory stores are bounded and forget on time; a pending sign-in works once.
import { MemoryPendingLogins, type PendingLogin } from '../pending-logins';
import { MemorySignedInSessions, type SignedInSession } from '../signed-in-sessions';

const login = (state: string, expiresAt: number): PendingLogin => ({
  state,
  codeVerifier: `verifier-${state}`,
  bindingHash: 'hash',
  returnTo: null,
  expiresAt
});

const session = (sid: string, forgetAt: number): SignedInSession => ({
  sid,
  agentId: '005000000000001AAA',
  name: 'Emma Clarke',
  orgId: '00D8d0000000001EAA',
  language: 'en_US',
  email: null,
  accessToken: 'access',
  refreshToken: 'refresh',
  identityUrl: 'http://127.0.0.1/id/00D8d0000000001EAA/005000000000001AAA',
  forgetAt
});

describe('MemoryPendingLogins', () => {
  it('gives a sign-in back once, and not after it expired', async () => {
    const store = new MemoryPendingLogins(10);
    await store.save(login('s1', 1000), 0);
    await store.save(login('s2', 1000), 0);
    expect(await store.take('s1', 999)).toMatchObject({ codeVerifier: 'verifier-s1' });
    expect(await store.take('s1', 999)).toBeNull();
    expect(await store.take('s2', 1000)).toBeNull();
  });

  it('refuses a new sign-in when full of live ones, and makes room by dropping expired ones', async () => {
    const store = new MemoryPendingLogins(2);
    expect(await store.save(login('a', 100), 0)).toBe(true);
    expect(await store.save(login('b', 500), 0)).toBe(true);
    expect(await store.save(login('c', 500), 50)).toBe(false);
    expect(await store.save(login('c', 500), 100)).toBe(true);
    expect(store.size).toBe(2);
  });
});

describe('MemorySignedInSessions', () => {
  it('forgets a session after its time, and on remove', async () => {
    const store = new MemorySignedInSessions(10);
    await store.save(session('sid-0001', 1000), 0);
    await store.save(session('sid-0002', 1000), 0);
    expect(await store.get('sid-0001', 999)).toMatchObject({ refreshToken: 'refresh' });
    expect(await store.get('sid-0001', 1000)).toBeNull();
    expect(await store.remove('sid-0002')).toMatchObject({ sid: 'sid-0002' });
    expect(await store.get('sid-0002', 0)).toBeNull();
  });

  it('refuses a new session when full of live ones, but always updates a known one', async () => {
    const store = new MemorySignedInSessions(1);
    expect(await store.save(session('sid-0001', 1000), 0)).toBe(true);
    expect(await store.save(session('sid-0002', 1000), 0)).toBe(false);
    expect(await store.save({ ...session('sid-0001', 2000), accessToken: 'renewed' }, 0)).toBe(true);
    expect(await store.get('sid-0001', 1500)).toMatchObject({ accessToken: 'renewed' });
    expect(await store.save(session('sid-0002', 3000), 2000)).toBe(true);
  });
});
