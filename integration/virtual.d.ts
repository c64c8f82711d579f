declare module 'virtual:astro-chatra-whatsapp/options' {
  const options: import('./runtime/runtime-options.ts').RuntimeOptions;
  export default options;
}
