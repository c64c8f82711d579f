/// <reference types="astro/client" />
export { default as WhatsAppButton } from './WhatsAppButton.astro';
