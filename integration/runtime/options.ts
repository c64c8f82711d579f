/**
 * This build's options, as the server bundle reads them. The integration's Vite plugin serves this
 * module's contents (config/virtual-module.ts); without the integration in `astro.config.mjs`, this file
 * itself is loaded, and says what to do instead of leaving a bundler error.
 */
import type { RuntimeOptions } from '../shared/runtime-options.ts';

throw new Error(
  'astro-chatra-whatsapp: its components need the integration. Add it to astro.config.mjs: ' +
    "import chatraWhatsApp from 'astro-chatra-whatsapp'; … integrations: [chatraWhatsApp({ whatsapp: 'https://wa.me/message/…' })].",
);

const options: RuntimeOptions = undefined as never;
export default options;
