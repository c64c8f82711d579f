export { default as WhatsAppButton } from './WhatsAppButton.astro';
