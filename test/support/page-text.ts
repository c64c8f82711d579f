/**
 * A whole page as text through the transform production runs on whole pages (`transformPageBytes`:
 * prerendered pages, and on-demand pages rendered at once), for tests that read and write strings.
 */
import { transformPageBytes } from '../../integration/runtime/page-stream.ts';
import type { PageHandler } from '../../integration/runtime/page-transform.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function transformPageText(html: string, handler: PageHandler): string {
  return decoder.decode(transformPageBytes(encoder.encode(html), handler));
}
