/// <reference types="astro/client" />
export { default as WhatsAppButton } from './WhatsAppButton.astro';
export { default as WhatsAppQR } from './WhatsAppQR.astro';
