// The tiny pages of the sign-in pop-up. The callback page hands its result to the panel that opened the pop-up with
// window.opener.postMessage, addressed to the allowed panel origins only (the browser drops it for any other opener),
// and closes when the panel confirms. Without an opener it keeps the result in this origin's sessionStorage and goes
// to returnTo (a page of the connector's own origin). No token ever goes into a URL. Text only; no redirects.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { AuthError } from './errors';

/** What the panel receives (event.data), from event.origin = the connector's origin. */
export type SignInMessage =
  | {
      type: 'softphone:signed-in';
      token: string;
      expiresAt: number;
      agent: { agentId: string; name: string; orgId: string; language: string | null };
    }
  | { type: 'softphone:sign-in-failed'; error: AuthError };

/** The panel answers this (or closes the pop-up itself) once it has the message. */
export const RECEIVED_MESSAGE_TYPE = 'softphone:sign-in-received';
/** sessionStorage key holding the message when the sign-in ran in a full tab of the connector's origin. */
export const SESSION_STORAGE_KEY = 'softphone.signIn';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that is safe inside <script>: no "</script>", no "<!--", no line separators. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// Plain ES5 so it runs in every browser a console runs in.
const HANDOFF_SCRIPT = `(function () {
  var data = JSON.parse(document.getElementById('handoff').textContent);
  var opener = window.opener;
  if (opener && !opener.closed) {
    window.addEventListener('message', function (event) {
      if (data.origins.indexOf(event.origin) >= 0 && event.data && event.data.type === data.received) window.close();
    });
    for (var i = 0; i < data.origins.length; i++) opener.postMessage(data.message, data.origins[i]);
    return;
  }
  if (data.returnTo && data.message.type === 'softphone:signed-in') {
    try {
      sessionStorage.setItem(data.storageKey, JSON.stringify(data.message));
      location.replace(data.returnTo);
    } catch (e) {}
  }
})();`;

function page(title: string, text: string, script: { nonce: string; data: unknown } | null): string {
  const scripts = script
    ? `<script type="application/json" id="handoff">${scriptJson(script.data)}</script>` +
      `<script nonce="${script.nonce}">${HANDOFF_SCRIPT}</script>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main>
${scripts}</body></html>`;
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  nonce: string | null,
  extra: Record<string, string | string[]>
) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      `default-src 'none'; script-src ${nonce ? `'nonce-${nonce}'` : "'none'"}; base-uri 'none'; ` +
      "form-action 'none'; frame-ancestors 'none'",
    ...extra
  });
  res.end(body);
}

export interface HandoffPage {
  status: number;
  title: string;
  text: string;
  message: SignInMessage;
  panelOrigins: readonly string[];
  returnTo: string | null;
  headers: Record<string, string | string[]>;
}

/** The callback's answer in the pop-up: hand the result to the panel, say in words what happened. */
export function sendHandoffPage(res: ServerResponse, p: HandoffPage): void {
  const nonce = randomBytes(16).toString('base64');
  const data = {
    message: p.message,
    origins: p.panelOrigins,
    received: RECEIVED_MESSAGE_TYPE,
    storageKey: SESSION_STORAGE_KEY,
    returnTo: p.returnTo
  };
  send(res, p.status, page(p.title, p.text, { nonce, data }), nonce, p.headers);
}

/** A page with words only (a refused /auth/login). */
export function sendTextPage(res: ServerResponse, status: number, title: string, text: string): void {
  send(res, status, page(title, text, null), null, {});
}
