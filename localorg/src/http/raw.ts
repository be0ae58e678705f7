// Responses outside the JSON REST API (OAuth pages, redirects, admin endpoints): status, headers and text.
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_TYPE = 'application/json;charset=UTF-8';

export const rawJson = (status: number, body: unknown, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers: { 'Content-Type': JSON_TYPE, ...headers },
  body: body === undefined ? '' : JSON.stringify(body)
});

export const html = (status: number, body: string): RawResponse => ({
  status,
  headers: { 'Content-Type': 'text/html;charset=UTF-8' },
  body
});

export const redirect = (location: string): RawResponse => ({ status: 302, headers: { Location: location }, body: '' });

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
