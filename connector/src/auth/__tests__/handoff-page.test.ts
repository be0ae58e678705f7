// The callback page's script, run as a browser would run it (node:vm with a stub window): it posts only to the
// allowed panel origins, closes when a panel confirms, and without an opener keeps the result for a same-origin page.
import type { ServerResponse } from 'node:http';
import { runInNewContext } from 'node:vm';
import { sendHandoffPage, type SignInMessage } from '../pages';

const PANEL = 'https://acme.lightning.force.com';
const SANDBOX = 'https://acme--uat.sandbox.lightning.force.com';

function render(message: SignInMessage, returnTo: string | null) {
  let html = '';
  let headers: Record<string, unknown> = {};
  const res = {
    writeHead: (_status: number, h: Record<string, unknown>) => void (headers = h),
    end: (body: string) => void (html = body)
  } as unknown as ServerResponse;
  sendHandoffPage(res, {
    status: 200,
    title: 'Signed in',
    text: 'Signed in.',
    message,
    panelOrigins: [PANEL, SANDBOX],
    returnTo,
    headers: {}
  });
  return { html, headers };
}

/** Runs the page's nonce'd script against a stub browser. */
function run(html: string, withOpener: boolean) {
  const data = /<script type="application\/json" id="handoff">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
  const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const posted: [unknown, string][] = [];
  const listeners: ((event: { origin: string; data: unknown }) => void)[] = [];
  const browser = {
    closed: false,
    stored: new Map<string, string>(),
    navigatedTo: null as string | null
  };
  const window = {
    opener: withOpener ? { closed: false, postMessage: (m: unknown, o: string) => void posted.push([m, o]) } : null,
    addEventListener: (_type: string, fn: (event: { origin: string; data: unknown }) => void) =>
      void listeners.push(fn),
    close: () => void (browser.closed = true)
  };
  runInNewContext(script, {
    window,
    document: { getElementById: () => ({ textContent: data }) },
    sessionStorage: { setItem: (k: string, v: string) => void browser.stored.set(k, v) },
    location: { replace: (to: string) => void (browser.navigatedTo = to) },
    JSON
  });
  const deliver = (origin: string, payload: unknown) => listeners.forEach((fn) => fn({ origin, data: payload }));
  return { posted, browser, deliver };
}

const signedIn: SignInMessage = {
  type: 'softphone:signed-in',
  token: 'body.signature',
  expiresAt: 1,
  agent: {
    agentId: '005000000000001AAA',
    name: 'Emma </script><script>alert(1)</script>',
    orgId: 'org',
    language: null
  }
};

describe('callback hand-off page', () => {
  it('posts the result to each allowed panel origin (never "*") and closes once a panel confirms', () => {
    const { html, headers } = render(signedIn, null);
    expect(headers['cache-control']).toBe('no-store');
    const nonce = /<script nonce="([^"]+)">/.exec(html)?.[1];
    expect(headers['content-security-policy']).toContain(`script-src 'nonce-${nonce}'`);
    const { posted, browser, deliver } = run(html, true);
    expect(posted).toEqual([
      [signedIn, PANEL],
      [signedIn, SANDBOX]
    ]);
    deliver('https://evil.example', { type: 'softphone:sign-in-received' });
    deliver(PANEL, { type: 'something-else' });
    expect(browser.closed).toBe(false);
    deliver(PANEL, { type: 'softphone:sign-in-received' });
    expect(browser.closed).toBe(true);
  });

  it('keeps markup out of the page: a name holding </script> stays data', () => {
    const { html } = render(signedIn, null);
    expect(html).not.toContain('<script>alert(1)');
    expect(run(html, true).posted[0]?.[0]).toEqual(signedIn);
  });

  it('without an opener, keeps the result in sessionStorage and goes to returnTo (same origin only)', () => {
    const { browser, posted } = run(render(signedIn, '/console').html, false);
    expect(posted).toEqual([]);
    expect(JSON.parse(browser.stored.get('softphone.signIn') ?? 'null')).toEqual(signedIn);
    expect(browser.navigatedTo).toBe('/console');
  });

  it('a failure without an opener stays on the page: no storage, no navigation', () => {
    const failed: SignInMessage = {
      type: 'softphone:sign-in-failed',
      error: { code: 'ACCESS_DENIED', message: 'no' }
    };
    const { browser } = run(render(failed, '/console').html, false);
    expect(browser.stored.size).toBe(0);
    expect(browser.navigatedTo).toBeNull();
  });
});
