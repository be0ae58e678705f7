// The connector's session tokens: signed claims, expiry with an optional grace, org pinning, the sign-in's sid.
import { sameOrg, SessionTokens } from '../session-token';

const NOW = Date.UTC(2025, 0, 6, 9, 0, 0);
const ORG = '00D8d0000000001EAA';
const agent = { agentId: '005000000000001AAA', name: 'Emma Clarke', orgId: ORG };

describe('SessionTokens', () => {
  const tokens = new SessionTokens('a-test-secret-that-is-long-enough-0123456789', 3600);

  it('issues a token that verifies to its claims, with a fresh sid per sign-in', () => {
    const a = tokens.issue(agent, NOW);
    const b = tokens.issue(agent, NOW);
    expect(a.expiresAt).toBe(NOW + 3600_000);
    expect(tokens.verify(a.token, NOW)).toEqual({
      ok: true,
      claims: { sub: agent.agentId, name: 'Emma Clarke', org: ORG, exp: (NOW + 3600_000) / 1000, sid: a.sid }
    });
    expect(a.sid).not.toBe(b.sid);
  });

  it('keeps a given sid and lifetime (a refresh of the same sign-in)', () => {
    const renewed = tokens.issue({ ...agent, sid: 'sign-in-0001' }, NOW, 600);
    expect(renewed.sid).toBe('sign-in-0001');
    expect(renewed.expiresAt).toBe(NOW + 600_000);
    expect(tokens.verify(renewed.token, NOW)).toMatchObject({ ok: true, claims: { sid: 'sign-in-0001' } });
  });

  it('refuses an expired token unless it is inside the grace asked for', () => {
    const { token } = tokens.issue(agent, NOW, 60);
    expect(tokens.verify(token, NOW + 60_000)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
    expect(tokens.verify(token, NOW + 60_000, { graceSeconds: 300 }).ok).toBe(true);
    expect(tokens.verify(token, NOW + 360_000, { graceSeconds: 300 })).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('refuses a token of another org when an org is pinned; 15 and 18 characters name the same org', () => {
    const { token } = tokens.issue(agent, NOW);
    expect(tokens.verify(token, NOW, { orgId: ORG.slice(0, 15) }).ok).toBe(true);
    expect(tokens.verify(token, NOW, { orgId: '00D000000000001AAA' })).toEqual({ ok: false, code: 'TOKEN_WRONG_ORG' });
    expect(sameOrg('local', 'local')).toBe(true);
    expect(sameOrg('00D8d0000000001', '00d8d0000000001EAA')).toBe(false);
  });

  it('refuses forged, tampered and malformed tokens', () => {
    const { token } = tokens.issue(agent, NOW);
    const other = new SessionTokens('another-secret-that-is-long-enough-0123456789', 3600);
    expect(other.verify(token, NOW)).toEqual({ ok: false, code: 'TOKEN_SIGNATURE' });
    const [body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, sub: '005000000000002AAA' })).toString('base64url');
    expect(tokens.verify(`${forgedBody}.${signature}`, NOW)).toEqual({ ok: false, code: 'TOKEN_SIGNATURE' });
    for (const bad of [undefined, 42, '', 'one-part', 'a.b.c', 'x'.repeat(3000)]) {
      expect(tokens.verify(bad, NOW)).toEqual({ ok: false, code: 'TOKEN_MALFORMED' });
    }
  });
});
