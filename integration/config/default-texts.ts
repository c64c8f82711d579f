/** Languages the Chatra widget ships (ChatraSetup.language). */
export const chatraLanguages = ['en', 'de', 'fr', 'es', 'nl', 'pt', 'it', 'ru'] as const;
export type ChatraLanguage = (typeof chatraLanguages)[number];

export interface LanguageDefaults {
  /** Text of every generated WhatsApp link, and the accessible name of the WhatsApp button. */
  linkLabel: string;
  /** Accessible name of the stand-in button that opens the Chatra chat. */
  openChatLabel: string;
  /** Name of the landmark (`<aside>`) that holds the floating buttons. */
  regionLabel: string;
  /** Summary of the disclosure that shows the QR code (`<WhatsAppButton qr />`). */
  qrLabel: string;
  /** Chatra `locale.customStrings` defaults; `{whatsapp}` becomes `[linkLabel](link)`. */
  customStrings: {
    /** Shown in the widget when no agent is online. */
    offlineNote: string;
    /** Contact-form bot greeting when offline, the visitor's email unknown. */
    bot_startOffline: string;
    /** The same with the visitor's email known (`{{#email}}` is Chatra's placeholder). */
    bot_startOffline_email: string;
    /** The same when the form requires contact details. */
    bot_startOffline_required: string;
    /** After the visitor filled in the contact form. */
    bot_afterForm: string;
    /** The same with the visitor's email known. */
    bot_afterForm_email: string;
  };
  /** Ready-to-paste texts for what only the Chatra dashboard edits. */
  dashboard: { botScenario: string; trigger: string; savedReply: string };
}

export const defaultTexts: Record<ChatraLanguage, LanguageDefaults> = {
  en: {
    linkLabel: 'Write to us on WhatsApp',
    openChatLabel: 'Open chat',
    regionLabel: 'Contact us',
    qrLabel: 'Show a QR code for your phone',
    customStrings: {
      offlineNote: "We're offline right now. Leave a message and we'll reply by email, or {whatsapp}.",
      bot_startOffline:
        "Hi! No one is online right now. Leave your question and your email, and we'll get back to you. For a quicker answer: {whatsapp}.",
      bot_startOffline_email:
        "Hi! No one is online right now. Leave your question and we'll reply to {{#email}}. For a quicker answer: {whatsapp}.",
      bot_startOffline_required:
        'Hi! No one is online right now. Please leave your question and your contact details so we can reply. For a quicker answer: {whatsapp}.',
      bot_afterForm: "Thank you! We'll get back to you soon. Need an answer sooner? {whatsapp}.",
      bot_afterForm_email: "Thank you! We'll reply to {{#email}} soon. Need an answer sooner? {whatsapp}.",
    },
    dashboard: {
      botScenario: 'Prefer WhatsApp? {whatsapp}: we answer there too.',
      trigger: 'Hi! Have a question? Ask here, or on WhatsApp: {whatsapp}.',
      savedReply: 'You can also reach us on WhatsApp: {whatsapp}',
    },
  },
  de: {
    linkLabel: 'Schreiben Sie uns auf WhatsApp',
    openChatLabel: 'Chat öffnen',
    regionLabel: 'Kontakt',
    qrLabel: 'QR-Code fürs Handy zeigen',
    customStrings: {
      offlineNote: 'Wir sind gerade nicht online. Hinterlassen Sie eine Nachricht, wir antworten per E-Mail. Oder: {whatsapp}.',
      bot_startOffline:
        'Hallo! Gerade ist niemand online. Hinterlassen Sie Ihre Frage und Ihre E-Mail-Adresse, wir melden uns. Schneller geht es hier: {whatsapp}.',
      bot_startOffline_email:
        'Hallo! Gerade ist niemand online. Hinterlassen Sie Ihre Frage, wir antworten an {{#email}}. Schneller geht es hier: {whatsapp}.',
      bot_startOffline_required:
        'Hallo! Gerade ist niemand online. Bitte hinterlassen Sie Ihre Frage und Ihre Kontaktdaten, damit wir antworten können. Schneller geht es hier: {whatsapp}.',
      bot_afterForm: 'Vielen Dank! Wir melden uns bald. Brauchen Sie schneller eine Antwort? {whatsapp}.',
      bot_afterForm_email: 'Vielen Dank! Wir antworten bald an {{#email}}. Brauchen Sie schneller eine Antwort? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Lieber per WhatsApp? {whatsapp}: Wir antworten auch dort.',
      trigger: 'Hallo! Haben Sie eine Frage? Fragen Sie hier oder auf WhatsApp: {whatsapp}.',
      savedReply: 'Sie erreichen uns auch auf WhatsApp: {whatsapp}',
    },
  },
  fr: {
    linkLabel: 'Écrivez-nous sur WhatsApp',
    openChatLabel: 'Ouvrir le chat',
    regionLabel: 'Nous contacter',
    qrLabel: 'Afficher un QR code pour votre téléphone',
    customStrings: {
      offlineNote: 'Nous ne sommes pas en ligne pour le moment. Laissez un message, nous répondrons par e-mail. Ou bien : {whatsapp}.',
      bot_startOffline:
        'Bonjour ! Personne n’est en ligne pour le moment. Laissez votre question et votre e-mail, nous vous recontacterons. Pour une réponse plus rapide : {whatsapp}.',
      bot_startOffline_email:
        'Bonjour ! Personne n’est en ligne pour le moment. Laissez votre question, nous répondrons à {{#email}}. Pour une réponse plus rapide : {whatsapp}.',
      bot_startOffline_required:
        'Bonjour ! Personne n’est en ligne pour le moment. Laissez votre question et vos coordonnées pour que nous puissions répondre. Pour une réponse plus rapide : {whatsapp}.',
      bot_afterForm: 'Merci ! Nous vous répondrons bientôt. Besoin d’une réponse plus rapide ? {whatsapp}.',
      bot_afterForm_email: 'Merci ! Nous répondrons bientôt à {{#email}}. Besoin d’une réponse plus rapide ? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Vous préférez WhatsApp ? {whatsapp} : nous y répondons aussi.',
      trigger: 'Bonjour ! Une question ? Posez-la ici ou sur WhatsApp : {whatsapp}.',
      savedReply: 'Vous pouvez aussi nous joindre sur WhatsApp : {whatsapp}',
    },
  },
  es: {
    linkLabel: 'Escríbenos por WhatsApp',
    openChatLabel: 'Abrir el chat',
    regionLabel: 'Contacto',
    qrLabel: 'Mostrar un código QR para el móvil',
    customStrings: {
      offlineNote: 'Ahora no estamos conectados. Deja un mensaje y te responderemos por correo. O bien: {whatsapp}.',
      bot_startOffline:
        '¡Hola! Ahora no hay nadie conectado. Deja tu pregunta y tu correo, y te responderemos. Para una respuesta más rápida: {whatsapp}.',
      bot_startOffline_email:
        '¡Hola! Ahora no hay nadie conectado. Deja tu pregunta y te responderemos a {{#email}}. Para una respuesta más rápida: {whatsapp}.',
      bot_startOffline_required:
        '¡Hola! Ahora no hay nadie conectado. Deja tu pregunta y tus datos de contacto para que podamos responderte. Para una respuesta más rápida: {whatsapp}.',
      bot_afterForm: '¡Gracias! Te responderemos pronto. ¿Necesitas una respuesta antes? {whatsapp}.',
      bot_afterForm_email: '¡Gracias! Pronto te responderemos a {{#email}}. ¿Necesitas una respuesta antes? {whatsapp}.',
    },
    dashboard: {
      botScenario: '¿Prefieres WhatsApp? {whatsapp}: también respondemos allí.',
      trigger: '¡Hola! ¿Tienes alguna pregunta? Pregunta aquí o por WhatsApp: {whatsapp}.',
      savedReply: 'También puedes contactarnos por WhatsApp: {whatsapp}',
    },
  },
  nl: {
    linkLabel: 'Stuur ons een WhatsApp-bericht',
    openChatLabel: 'Chat openen',
    regionLabel: 'Contact',
    qrLabel: 'Toon een QR-code voor je telefoon',
    customStrings: {
      offlineNote: 'We zijn nu niet online. Laat een bericht achter, dan antwoorden we per e-mail. Of: {whatsapp}.',
      bot_startOffline:
        'Hallo! Er is nu niemand online. Laat je vraag en je e-mailadres achter, dan nemen we contact op. Sneller antwoord: {whatsapp}.',
      bot_startOffline_email:
        'Hallo! Er is nu niemand online. Laat je vraag achter, dan antwoorden we aan {{#email}}. Sneller antwoord: {whatsapp}.',
      bot_startOffline_required:
        'Hallo! Er is nu niemand online. Laat je vraag en je contactgegevens achter, zodat we kunnen antwoorden. Sneller antwoord: {whatsapp}.',
      bot_afterForm: 'Bedankt! We nemen snel contact met je op. Sneller een antwoord nodig? {whatsapp}.',
      bot_afterForm_email: 'Bedankt! We antwoorden snel aan {{#email}}. Sneller een antwoord nodig? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Liever WhatsApp? {whatsapp}: daar antwoorden we ook.',
      trigger: 'Hallo! Heb je een vraag? Stel hem hier of via WhatsApp: {whatsapp}.',
      savedReply: 'Je kunt ons ook via WhatsApp bereiken: {whatsapp}',
    },
  },
  pt: {
    linkLabel: 'Fale conosco pelo WhatsApp',
    openChatLabel: 'Abrir o chat',
    regionLabel: 'Contato',
    qrLabel: 'Mostrar um código QR para o celular',
    customStrings: {
      offlineNote: 'Não estamos online agora. Deixe uma mensagem e responderemos por e-mail. Ou então: {whatsapp}.',
      bot_startOffline:
        'Olá! Não há ninguém online agora. Deixe sua pergunta e seu e-mail, e entraremos em contato. Para uma resposta mais rápida: {whatsapp}.',
      bot_startOffline_email:
        'Olá! Não há ninguém online agora. Deixe sua pergunta e responderemos para {{#email}}. Para uma resposta mais rápida: {whatsapp}.',
      bot_startOffline_required:
        'Olá! Não há ninguém online agora. Deixe sua pergunta e seus dados de contato para podermos responder. Para uma resposta mais rápida: {whatsapp}.',
      bot_afterForm: 'Obrigado! Responderemos em breve. Precisa de uma resposta mais rápida? {whatsapp}.',
      bot_afterForm_email: 'Obrigado! Responderemos em breve para {{#email}}. Precisa de uma resposta mais rápida? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Prefere o WhatsApp? {whatsapp}: também respondemos lá.',
      trigger: 'Olá! Tem alguma dúvida? Pergunte aqui ou pelo WhatsApp: {whatsapp}.',
      savedReply: 'Você também pode falar conosco pelo WhatsApp: {whatsapp}',
    },
  },
  it: {
    linkLabel: 'Scrivici su WhatsApp',
    openChatLabel: 'Apri la chat',
    regionLabel: 'Contatti',
    qrLabel: 'Mostra un codice QR per il telefono',
    customStrings: {
      offlineNote: 'Al momento non siamo online. Lascia un messaggio e ti risponderemo via e-mail. Oppure: {whatsapp}.',
      bot_startOffline:
        'Ciao! Al momento non c’è nessuno online. Lascia la tua domanda e la tua e-mail, ti ricontatteremo. Per una risposta più rapida: {whatsapp}.',
      bot_startOffline_email:
        'Ciao! Al momento non c’è nessuno online. Lascia la tua domanda e risponderemo a {{#email}}. Per una risposta più rapida: {whatsapp}.',
      bot_startOffline_required:
        'Ciao! Al momento non c’è nessuno online. Lascia la tua domanda e i tuoi contatti, così potremo risponderti. Per una risposta più rapida: {whatsapp}.',
      bot_afterForm: 'Grazie! Ti risponderemo presto. Ti serve una risposta prima? {whatsapp}.',
      bot_afterForm_email: 'Grazie! Risponderemo presto a {{#email}}. Ti serve una risposta prima? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Preferisci WhatsApp? {whatsapp}: rispondiamo anche lì.',
      trigger: 'Ciao! Hai una domanda? Chiedi qui o su WhatsApp: {whatsapp}.',
      savedReply: 'Puoi contattarci anche su WhatsApp: {whatsapp}',
    },
  },
  ru: {
    linkLabel: 'Написать нам в WhatsApp',
    openChatLabel: 'Открыть чат',
    regionLabel: 'Связаться с нами',
    qrLabel: 'Показать QR-код для телефона',
    customStrings: {
      offlineNote: 'Сейчас мы не в сети. Оставьте сообщение, и мы ответим по электронной почте. Или: {whatsapp}.',
      bot_startOffline:
        'Здравствуйте! Сейчас никого нет в сети. Оставьте вопрос и адрес электронной почты, и мы с вами свяжемся. Быстрее ответим здесь: {whatsapp}.',
      bot_startOffline_email:
        'Здравствуйте! Сейчас никого нет в сети. Оставьте вопрос, и мы ответим на {{#email}}. Быстрее ответим здесь: {whatsapp}.',
      bot_startOffline_required:
        'Здравствуйте! Сейчас никого нет в сети. Оставьте вопрос и контактные данные, чтобы мы могли ответить. Быстрее ответим здесь: {whatsapp}.',
      bot_afterForm: 'Спасибо! Мы скоро ответим. Нужен ответ быстрее? {whatsapp}.',
      bot_afterForm_email: 'Спасибо! Мы скоро ответим на {{#email}}. Нужен ответ быстрее? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Удобнее в WhatsApp? {whatsapp}: там мы тоже отвечаем.',
      trigger: 'Здравствуйте! Есть вопрос? Спросите здесь или в WhatsApp: {whatsapp}.',
      savedReply: 'Нам также можно написать в WhatsApp: {whatsapp}',
    },
  },
};
