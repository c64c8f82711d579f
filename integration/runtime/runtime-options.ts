/**
 * What the site's server bundle gets from the options (`runtime/options.ts`, served by virtual-options.ts):
 * only what the middleware and the components read. One type for the producer (index.ts) and the
 * consumers, so the three can't drift apart.
 */
import type { AstroConfig } from 'astro';
import type { PageTexts, ResolvedOptions } from '../resolve-options.ts';

/** The labels a page's own markup uses, in one language. */
export type PageLabels = Pick<PageTexts, 'linkLabel' | 'openChatLabel' | 'regionLabel' | 'qrLabel'>;

export interface RuntimeOptions extends Pick<ResolvedOptions, 'contacts' | 'site' | 'chatra' | 'fallback' | 'autoMessage' | 'defaultLanguage'> {
  /** Labels by lower-case language tag. */
  languages: Record<string, PageLabels>;
  /** The stylesheet inlined with the floating button: button.css plus this build's placement. */
  css: string;
  /** The site's `base`, for matching page paths. */
  base: string;
  trailingSlash: AstroConfig['trailingSlash'];
  format: AstroConfig['build']['format'];
  /** URL of each language's texts file. */
  textsUrls: Record<string, string>;
  /** URL of the cached loader. */
  loaderUrl?: string;
  /** The inline script of pages with the widget: Chatra's queue, its id and the state. */
  bootstrap: string;
  /** The inline analytics listener of pages on a site without Chatra. */
  analyticsScript: string;
}
