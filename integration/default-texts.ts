/** Languages the Chatra widget ships (ChatraSetup.language). */
export const chatraLanguages = ['en', 'de', 'fr', 'es', 'nl', 'pt', 'it', 'ru'] as const;
export type ChatraLanguage = (typeof chatraLanguages)[number];

export interface LanguageDefaults {
  linkLabel: string;
  openChatLabel: string;
  customStrings: {
    offlineNote: string;
    bot_startOffline: string;
    bot_startOffline_email: string;
    bot_startOffline_required: string;
    bot_afterForm: string;
    bot_afterForm_email: string;
  };
  dashboard: { botScenario: string; trigger: string; savedReply: string };
}

const en: LanguageDefaults = {
  linkLabel: 'Write to us on WhatsApp',
  openChatLabel: 'Open chat',
  customStrings: {
    offlineNote: "We're offline right now. Leave a message and we'll reply by email, or {whatsapp}.",
    bot_startOffline: "Hi! No one is online right now. Leave your question and your email, and we'll get back to you. For a quicker answer: {whatsapp}.",
    bot_startOffline_email: "Hi! No one is online right now. Leave your question and we'll reply to {{#email}}. For a quicker answer: {whatsapp}.",
    bot_startOffline_required: 'Hi! No one is online right now. Please leave your question and your contact details so we can reply. For a quicker answer: {whatsapp}.',
    bot_afterForm: "Thank you! We'll get back to you soon. Need an answer sooner? {whatsapp}.",
    bot_afterForm_email: "Thank you! We'll reply to {{#email}} soon. Need an answer sooner? {whatsapp}.",
  },
  dashboard: {
    botScenario: "Prefer WhatsApp? {whatsapp} and we'll answer there.",
    trigger: 'Hi! Have a question? Ask here, or {whatsapp}.',
    savedReply: 'You can also reach us on WhatsApp: {whatsapp}',
  },
};

// TEMPORARY stub until the translations land.
export const defaultTexts: Record<ChatraLanguage, LanguageDefaults> = { en, de: en, fr: en, es: en, nl: en, pt: en, it: en, ru: en };
