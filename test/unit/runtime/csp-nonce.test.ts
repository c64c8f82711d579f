import { describe, expect, test } from 'vitest';
import { policyNonces } from '../../../integration/runtime/csp-nonce.ts';

const nonces = (policy?: string) => policyNonces(new Headers(policy === undefined ? {} : { 'content-security-policy': policy }));

describe("the nonces of a page's own policy", () => {
  test('the script nonce from the directive that rules script elements, most specific first', () => {
    expect(nonces("script-src 'nonce-abc123' 'strict-dynamic'; object-src 'none'")).toEqual({ script: 'abc123' });
    expect(nonces("default-src 'self' 'nonce-Zm9v+/=='")).toEqual({ script: 'Zm9v+/==', style: 'Zm9v+/==' });
    expect(nonces("script-src-elem 'nonce-elem'; script-src 'nonce-src'")).toEqual({ script: 'elem' });
    // A script-src without a nonce rules script elements: default-src's nonce is not theirs.
    expect(nonces("script-src 'self'; default-src 'nonce-d'")).toEqual({ style: 'd' });
    expect(nonces("style-src 'nonce-s1'; script-src 'unsafe-inline'")).toEqual({ style: 's1' });
  });

  test('none without a policy or a nonce; a malformed nonce or a report-only policy is none', () => {
    expect(nonces()).toBeUndefined();
    expect(nonces("script-src 'self' https://call.chatra.io")).toBeUndefined();
    expect(nonces("script-src 'nonce-a\"b'")).toBeUndefined();
    expect(nonces('script-src nonce-abc')).toBeUndefined();
    expect(policyNonces(new Headers({ 'content-security-policy-report-only': "script-src 'nonce-r'" }))).toBeUndefined();
  });

  test('several policies (headers joined by commas), a directive named twice, any letter case', () => {
    expect(nonces("default-src 'self', script-src 'nonce-second'")).toEqual({ script: 'second' });
    expect(nonces("script-src 'nonce-first'; script-src 'nonce-second'")).toEqual({ script: 'first' });
    expect(nonces("Script-Src 'NONCE-Up'")).toEqual({ script: 'Up' });
  });
});
