import type { Plugin } from 'vite';

const ID = 'virtual:astro-chatra-whatsapp/options';

/** Serves the resolved options to the middleware and the components as `virtual:astro-chatra-whatsapp/options`. */
export function virtualOptions(options: unknown): Plugin {
  return {
    name: 'astro-chatra-whatsapp:options',
    resolveId(source) {
      if (source === ID) return `\0${ID}`;
    },
    load(id) {
      if (id === `\0${ID}`) return `export default ${JSON.stringify(options)};`;
    },
  };
}
