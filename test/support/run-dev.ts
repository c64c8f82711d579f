/**
 * `astro dev` in a process of its own (Astro's dev server does not serve pages inside Vitest's
 * module runner). Usage: node run-dev.ts <root> <port> <astro config as JSON, with `chatraWhatsApp` options>
 */
import { dev } from 'astro';
import chatraWhatsApp from 'astro-chatra-whatsapp';

const [root, port, json] = process.argv.slice(2);
const { chatraWhatsApp: options, ...config } = JSON.parse(json);
await dev({
  root,
  configFile: false,
  logLevel: 'warn',
  ...config,
  server: { host: '127.0.0.1', port: Number(port) },
  integrations: [chatraWhatsApp(options)],
});
