/**
 * `astro build` in a process of its own, as a user's `astro build` runs (adapters such as
 * Cloudflare's start workerd, which is best kept out of the test runner's process).
 * Usage: node run-build.ts <root> <astro config as JSON: `adapter: 'node' | 'cloudflare'`, `chatraWhatsApp` options>
 */
import { build } from 'astro';
import chatraWhatsApp from 'astro-chatra-whatsapp';

const [root, json] = process.argv.slice(2);
const { chatraWhatsApp: options, adapter, ...config } = JSON.parse(json);
const adapters = {
  node: async () => (await import('@astrojs/node')).default({ mode: 'standalone' }),
  cloudflare: async () => (await import('@astrojs/cloudflare')).default(),
};
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  ...config,
  ...(adapter && { adapter: await adapters[adapter as keyof typeof adapters]() }),
  integrations: options ? [chatraWhatsApp(options)] : [],
});
