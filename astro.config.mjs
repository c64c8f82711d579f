// @ts-check
import mdx from '@astrojs/mdx';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { defineConfig } from 'astro/config';

// The demo site. The link and the Chatra id are made up: the real chatra.js can't find this account,
// so after `fallback.timeout` the page shows the WhatsApp button instead, which is the fallback at work.
export default defineConfig({
  site: 'https://example.com',
  i18n: { defaultLocale: 'en', locales: ['en', 'ru'] },
  integrations: [
    mdx(),
    chatraWhatsApp({
      whatsapp: 'https://wa.me/message/DEMOCHATRAWAQ1',
      chatra: { id: 'DemoChatraId2026', load: 'idle', setup: { buttonPosition: 'br' } },
      fallback: {
        greeting: {
          text: 'Hi 👋 Questions about the demo? We answer on WhatsApp',
          name: 'Demo shop',
          note: 'Typically replies within an hour',
        },
      },
      texts: {
        autoMessage: { text: 'Hi! Questions about the demo? Ask here, or {whatsapp}.', afterSeconds: 20, pages: ['/', '/whatsapp/'] },
      },
      locales: {
        ru: {
          offlineNote: 'Сейчас нас нет в сети. Оставьте сообщение здесь или {whatsapp}.',
          greeting: 'Здравствуйте 👋 Есть вопросы о демо? Ответим в WhatsApp',
          greetingNote: 'Обычно отвечаем в течение часа',
        },
      },
    }),
  ],
});
