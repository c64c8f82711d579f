// `tsc` doesn't read .astro files (`astro check` does); this lets it type-check the .ts files that import them.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
