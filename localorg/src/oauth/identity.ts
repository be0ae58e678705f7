// Who a token belongs to: /services/oauth2/userinfo and the identity URL (/id/<org>/<user>) from the token answer.
import { rawJson } from '../http/raw';
import type { OrgRuntime } from '../runtime';
import { selectById } from '../store/rows';

export function identityUrl(rt: OrgRuntime, userId: string): string {
  return `${rt.baseUrl()}/id/${rt.orgId}/${userId}`;
}

/** The bearer token of a request (Authorization: Bearer or OAuth). */
export function bearer(headers: Record<string, string | string[] | undefined>): string | null {
  const value = headers.authorization;
  const text = Array.isArray(value) ? value[0] : value;
  const m = text ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(text.trim()) : null;
  return m?.[1] ?? null;
}

/** The identity document for a user: userinfo's claims plus the identity service's field names. */

async function identity(rt: OrgRuntime, userId: string) {
  const userObj = rt.schema.object('User');
  const user = userObj ? await rt.db.exclusive((sql) => selectById(sql, userObj, userId)) : null;
  if (!user) return null;
  const base = rt.baseUrl();
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    sub: identityUrl(rt, userId),
    id: identityUrl(rt, userId),
    user_id: userId,
    organization_id: rt.orgId,
    preferred_username: str(user.Username),
    username: str(user.Username),
    nickname: str(user.Alias),
    nick_name: str(user.Alias),
    name: str(user.Name),
    display_name: str(user.Name),
    given_name: str(user.FirstName),
    first_name: str(user.FirstName),
    family_name: str(user.LastName),
    last_name: str(user.LastName),
    email: str(user.Email),
    email_verified: true,
    zoneinfo: str(user.TimeZoneSidKey),
    timezone: str(user.TimeZoneSidKey),
    language: str(user.LanguageLocaleKey),
    locale: str(user.LocaleSidKey),
    active: user.IsActive === true,
    user_type: 'STANDARD',
    utcOffset: 0,
    updated_at: str(user.LastModifiedDate),
    is_app_installed: true,
    urls: {
      rest: `${base}/services/data/v{version}/`,
      sobjects: `${base}/services/data/v{version}/sobjects/`,
      query: `${base}/services/data/v{version}/query/`,
      profile: `${base}/${userId}`
    }
  };
}

export async function userinfo(
  rt: OrgRuntime,
  headers: Record<string, string | string[] | undefined>,
  idUserId?: string
) {
  const accessToken = bearer(headers);
  const session = accessToken ? rt.sessions.verify(accessToken) : null;
  if (!session) return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: 'Bad_OAuth_Token' };
  const doc = await identity(rt, idUserId ?? session.userId);
  return doc ? rawJson(200, doc) : rawJson(404, { error: 'not_found', error_description: 'no such user' });
}
