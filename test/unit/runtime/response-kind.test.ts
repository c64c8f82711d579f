import { describe, expect, test } from 'vitest';
import { isPage, isShared, isTransformable } from '../../../integration/runtime/response-kind.ts';

const page = (headers: Record<string, string> = {}, status = 200) =>
  new Response('<!doctype html>', { status, headers: { 'content-type': 'text/html', ...headers } });
const get = (headers: Record<string, string> = {}) => new Request('https://example.com/', { headers });

describe('a response whose page the middleware may change', () => {
  test('an HTML page in UTF-8, not compressed, not a redirect, not a HEAD request', () => {
    expect(isTransformable(get(), page())).toBe(true);
    expect(isTransformable(get(), page({ 'content-type': 'text/html; charset=UTF-8' }))).toBe(true);
    expect(isTransformable(get(), page({ 'content-type': 'text/html; charset=windows-1251' }))).toBe(false);
    expect(isTransformable(get(), page({ 'content-encoding': 'gzip' }))).toBe(false);
    expect(isTransformable(get(), page({ 'content-type': 'application/json' }))).toBe(false);
    expect(isTransformable(get(), page({}, 302))).toBe(false);
    expect(isTransformable(new Request('https://example.com/', { method: 'HEAD' }), page())).toBe(false);
  });

  test("a HEAD request's page is still a page (its headers are GET's, less those that named the bytes)", () => {
    expect(isPage(page())).toBe(true);
    expect(isPage(new Response(null, { headers: { 'content-type': 'text/html' } }))).toBe(true);
    expect(isPage(page({ 'content-type': 'text/html; charset=iso-8859-1' }))).toBe(false);
    expect(isPage(page({}, 206))).toBe(false);
  });

  test('not a download, nor one its sender asks be left as it is', () => {
    expect(isPage(page({ 'content-disposition': 'attachment; filename="invoice.html"' }))).toBe(false);
    expect(isPage(page({ 'content-disposition': 'Attachment' }))).toBe(false);
    expect(isPage(page({ 'content-disposition': 'inline' }))).toBe(true);
    expect(isPage(page({ 'cache-control': 'public, No-Transform' }))).toBe(false);
  });
});

describe('a page the server may remember (the page memory keeps its bytes)', () => {
  test('not one made for one visitor: a cookie set, private or no-store, a request with credentials', () => {
    expect(isShared(get(), page())).toBe(true);
    expect(isShared(get(), page({ 'cache-control': 'public, max-age=60' }))).toBe(true);
    expect(isShared(get(), page({ 'set-cookie': 'session=1' }))).toBe(false);
    expect(isShared(get(), page({ 'cache-control': 'private, max-age=0' }))).toBe(false);
    expect(isShared(get(), page({ 'cache-control': 'No-Store' }))).toBe(false);
    expect(isShared(get({ authorization: 'Bearer x' }), page())).toBe(false);
  });
});

describe('a part of a page (206 Partial Content)', () => {
  test('is no page: the kit would make the body disagree with its Content-Range', () => {
    expect(isTransformable(get(), page({ 'content-range': 'bytes 0-59/102' }, 206))).toBe(false);
  });
});

describe('a page that sets a cookie through Astro.cookies (or Astro.session)', () => {
  /** Astro's cookies as the middleware sees them: the header comes after the middleware has run. */
  const cookies = (...set: string[]) => ({
    *headers() {
      yield* set;
    },
  });
  test('is made for one visitor: not remembered', () => {
    expect(isShared(get(), page(), cookies('visitor=Alice; Path=/'))).toBe(false);
    expect(isShared(get(), page(), cookies())).toBe(true);
    expect(isShared(get(), page(), {})).toBe(true);
  });
});
