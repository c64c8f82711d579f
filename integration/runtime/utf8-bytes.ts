/**
 * UTF-8 bytes as the page transform handles them (page-stream.ts): a body's chunks as bytes, whole
 * characters at a piece's end, the kit's texts encoded once, pieces joined, the decoders it shares.
 * Web APIs only (TextEncoder, TextDecoder).
 */
import { LOG_PREFIX } from '../shared/errors.ts';

export const EMPTY = new Uint8Array(0);
export const encoder = new TextEncoder();

/**
 * A chunk of a page's body as bytes. The fetch standard allows only bytes, but Node's adapter also
 * sends strings (a site's own stream of text): such a page works without the integration, so it
 * works with it, its text as UTF-8. Anything else is no body at all, without the integration too.
 */
export function bytesOf(chunk: unknown): Uint8Array<ArrayBufferLike> {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return encoder.encode(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw new TypeError(
    `${LOG_PREFIX} A page's body gave a chunk of type ${typeof chunk}; a body's chunks are bytes (Uint8Array). ` +
      'Give the Response that sends the page a string, bytes, or a stream of bytes or strings.',
  );
}

/** How many bytes at the end of `bytes` begin a UTF-8 character that isn't complete. */
export function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? back : 0;
  }
  return 0;
}

/** Edit texts as bytes (`encodedText`). */
const encodedTexts = new Map<string, Uint8Array>();

/**
 * `text` as UTF-8, kept: the kit's parts and the links' new addresses are the same strings page
 * after page (an encode allocates, which costs a small page more than its copy).
 */
export function encodedText(text: string): Uint8Array {
  let bytes = encodedTexts.get(text);
  if (!bytes) {
    if (encodedTexts.size >= 64) encodedTexts.clear();
    encodedTexts.set(text, (bytes = encoder.encode(text)));
  }
  return bytes;
}

/** The parts as one (the part itself where there is one, no copy). */
export function concat(parts: Uint8Array<ArrayBufferLike>[]): Uint8Array<ArrayBufferLike> {
  parts = parts.filter((part) => part.length > 0);
  if (parts.length === 1) return parts[0];
  if (parts.length === 0) return EMPTY;
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Until a head is complete, a byte that is no UTF-8 throws: the page is in an encoding nothing named. */
export const exactDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * Decodes a piece at a time, never with `stream` (pieces end on whole characters), so one serves every
 * page. A U+FEFF at a piece's start is text, kept (the page's own BOM goes, in `PageStream#read`).
 */
export const pieceDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
