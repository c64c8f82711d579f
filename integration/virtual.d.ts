declare module 'virtual:astro-chatra-whatsapp/options' {
  const options: import('./resolve-options.ts').ResolvedOptions & {
    /** The stylesheet inlined with the floating button: button.css plus this build's placement. */
    css: string;
    /** The site's `base`, for matching page paths. */
    base: string;
    /** Files served under `<base>/_acw/`. */
    files: Record<string, import('./client-assets.ts').ClientFile>;
    /** URL of each language's texts file. */
    textsUrls: Record<string, string>;
    /** URL of the cached loader. */
    loaderUrl?: string;
  };
  export default options;
}
