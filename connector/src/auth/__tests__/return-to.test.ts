// returnTo after sign-in: a path on the connector or its own origin; never another site.
import { checkReturnTo } from '../return-to';

const ORIGIN = 'https://softphone.example.com';

describe('checkReturnTo', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['/console', '/console'],
    ['/console?tab=inbox#top', '/console?tab=inbox#top'],
    ['/a/../b', '/b'],
    [`${ORIGIN}/console?x=1`, '/console?x=1']
  ])('accepts %p as %p', (value, path) => {
    expect(checkReturnTo(value, ORIGIN)).toEqual({ ok: true, path });
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '///evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    'https:evil.example',
    'javascript:alert(1)',
    'data:text/html,hi',
    'http://softphone.example.com/console',
    'https://softphone.example.com:8443/console',
    'https://softphone.example.com.evil.example/',
    'console',
    '/console\n',
    `/${'a'.repeat(2100)}`
  ])('refuses %p', (value) => {
    expect(checkReturnTo(value, ORIGIN)).toEqual({ ok: false });
  });
});
