// C11: only http(s) pages may be pushed to the customer's browser (no javascript:, data:, file:, mailto: ...).

/** The normalised URL when `raw` is an absolute http(s) URL with a host, else null. */
export function httpPageUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  return url.href;
}
