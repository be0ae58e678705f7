// The approve page of /services/oauth2/authorize: the org's active users, one button each ("log in as").
import { escapeHtml } from '../http/raw';

export interface LoginUser {
  Id: string;
  Name: string;
  Username: string;
  LanguageLocaleKey: string;
}

export function approvePage(appName: string, params: Record<string, string>, users: LoginUser[]): string {
  const hidden = Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const rows = users
    .map(
      (u) =>
        `<li><form method="post" action="/services/oauth2/authorize">${hidden}` +
        `<input type="hidden" name="user_id" value="${escapeHtml(u.Id)}">` +
        `<button type="submit" name="action" value="approve">Allow as ${escapeHtml(u.Name)}</button> ` +
        `<span>${escapeHtml(u.Username)} (${escapeHtml(u.LanguageLocaleKey)})</span></form></li>`
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Allow access?</title></head><body>
<main><h1>Allow access?</h1><p>${escapeHtml(appName)} is asking to access the local org as one of these users.</p>
<ul>${rows}</ul>
<form method="post" action="/services/oauth2/authorize">${hidden}<button type="submit" name="action" value="deny">Deny</button></form>
</main></body></html>`;
}

export function errorPage(error: string, description: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OAuth error</title></head><body>
<main><h1>OAuth error</h1><p>error=${escapeHtml(error)}&amp;error_description=${escapeHtml(description)}</p></main></body></html>`;
}
