/**
 * The integration's own strings, in every language it ships (the site owner's `texts` and
 * `locales` go over them). Written per language, not machine-made: formal register where a
 * business website uses one, Portugal's Portuguese apart from Brazil's, native punctuation (full-width
 * in Chinese and Japanese, Arabic comma and question mark in Arabic and Persian). `{whatsapp}` becomes
 * the link; `{{#email}}` is Chatra's own placeholder.
 */
import type { LabelKey } from '../shared/runtime-options.ts';

/** Languages the Chatra widget's own interface ships (ChatraSetup.language). */
export const chatraLanguages = ['en', 'de', 'fr', 'es', 'nl', 'pt', 'it', 'ru'] as const;
export type ChatraLanguage = (typeof chatraLanguages)[number];

/** Ready-to-paste texts for what only the Chatra dashboard edits: a bot scenario, a trigger (Chatra's automatic message), a saved reply. */
// A type, not an interface: the dev toolbar's data takes it as a plain record of strings.
export type DashboardTexts = { botScenario: string; trigger: string; savedReply: string };

/** A language's own words: the page's labels (shared/runtime-options.ts's LABEL_KEYS), Chatra's texts, the dashboard's. */
export interface LanguageDefaults extends Record<LabelKey, string> {
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
  dashboard: DashboardTexts;
}

/** Languages with defaults of their own, by lower-case tag. */
export const defaultLanguages = [
  'en',
  'de',
  'fr',
  'es',
  'nl',
  'pt-br',
  'pt-pt',
  'it',
  'ru',
  'uk',
  'pl',
  'da',
  'tr',
  'ar',
  'fa',
  'he',
  'hi',
  'id',
  'vi',
  'ja',
  'ko',
  'zh-cn',
] as const;
export type DefaultLanguage = (typeof defaultLanguages)[number];

/** Tags that stand for one of the above: a base language for its most used variant. */
export const LANGUAGE_ALIASES: Record<string, DefaultLanguage> = { pt: 'pt-br', zh: 'zh-cn', 'zh-hans': 'zh-cn' };

export const defaultTexts: Record<DefaultLanguage, LanguageDefaults> = {
  // English
  en: {
    linkLabel: 'Write to us on WhatsApp',
    openChatLabel: 'Open chat',
    regionLabel: 'Contact us',
    qrLabel: 'Show a QR code for your phone',
    closeLabel: 'Close',
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
  // German
  de: {
    linkLabel: 'Schreiben Sie uns auf WhatsApp',
    openChatLabel: 'Chat öffnen',
    regionLabel: 'Kontakt',
    qrLabel: 'QR-Code fürs Handy zeigen',
    closeLabel: 'Schließen',
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
  // French
  fr: {
    linkLabel: 'Écrivez-nous sur WhatsApp',
    openChatLabel: 'Ouvrir le chat',
    regionLabel: 'Nous contacter',
    qrLabel: 'Afficher un QR code pour votre téléphone',
    closeLabel: 'Fermer',
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
  // Spanish
  es: {
    linkLabel: 'Escríbenos por WhatsApp',
    openChatLabel: 'Abrir el chat',
    regionLabel: 'Contacto',
    qrLabel: 'Mostrar un código QR para el móvil',
    closeLabel: 'Cerrar',
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
  // Dutch
  nl: {
    linkLabel: 'Stuur ons een WhatsApp-bericht',
    openChatLabel: 'Chat openen',
    regionLabel: 'Contact',
    qrLabel: 'Toon een QR-code voor je telefoon',
    closeLabel: 'Sluiten',
    customStrings: {
      offlineNote: 'We zijn nu niet online. Laat een bericht achter, dan antwoorden we per e-mail. Of: {whatsapp}.',
      bot_startOffline:
        'Hallo! Er is nu niemand online. Laat je vraag en je e-mailadres achter, dan nemen we contact op. Sneller antwoord: {whatsapp}.',
      bot_startOffline_email:
        'Hallo! Er is nu niemand online. Laat je vraag achter, dan sturen we ons antwoord naar {{#email}}. Sneller antwoord: {whatsapp}.',
      bot_startOffline_required:
        'Hallo! Er is nu niemand online. Laat je vraag en je contactgegevens achter, zodat we kunnen antwoorden. Sneller antwoord: {whatsapp}.',
      bot_afterForm: 'Bedankt! We nemen snel contact met je op. Sneller een antwoord nodig? {whatsapp}.',
      bot_afterForm_email: 'Bedankt! We sturen ons antwoord snel naar {{#email}}. Sneller een antwoord nodig? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Liever WhatsApp? {whatsapp}: daar antwoorden we ook.',
      trigger: 'Hallo! Heb je een vraag? Stel hem hier of via WhatsApp: {whatsapp}.',
      savedReply: 'Je kunt ons ook via WhatsApp bereiken: {whatsapp}',
    },
  },
  // Portuguese (Brazil)
  'pt-br': {
    linkLabel: 'Fale conosco pelo WhatsApp',
    openChatLabel: 'Abrir o chat',
    regionLabel: 'Contato',
    qrLabel: 'Mostrar um código QR para o celular',
    closeLabel: 'Fechar',
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
  // Portuguese (Portugal)
  'pt-pt': {
    linkLabel: 'Fale connosco pelo WhatsApp',
    openChatLabel: 'Abrir o chat',
    regionLabel: 'Contacte-nos',
    qrLabel: 'Mostrar um código QR para o telemóvel',
    closeLabel: 'Fechar',
    customStrings: {
      offlineNote: 'De momento, não estamos online. Deixe uma mensagem e respondemos-lhe por e-mail. Ou então: {whatsapp}.',
      bot_startOffline:
        'Olá! De momento, não está ninguém online. Deixe a sua pergunta e o seu e-mail, e entraremos em contacto consigo. Para uma resposta mais rápida: {whatsapp}.',
      bot_startOffline_email:
        'Olá! De momento, não está ninguém online. Deixe a sua pergunta e enviaremos a resposta para {{#email}}. Para uma resposta mais rápida: {whatsapp}.',
      bot_startOffline_required:
        'Olá! De momento, não está ninguém online. Deixe a sua pergunta e os seus dados de contacto para que lhe possamos responder. Para uma resposta mais rápida: {whatsapp}.',
      bot_afterForm: 'Obrigado! Entraremos em contacto consigo em breve. Precisa de uma resposta mais rápida? {whatsapp}.',
      bot_afterForm_email: 'Obrigado! Em breve enviaremos a resposta para {{#email}}. Precisa de uma resposta mais rápida? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Prefere o WhatsApp? {whatsapp}: também respondemos por lá.',
      trigger: 'Olá! Tem alguma dúvida? Pergunte aqui ou pelo WhatsApp: {whatsapp}.',
      savedReply: 'Também pode contactar-nos pelo WhatsApp: {whatsapp}',
    },
  },
  // Italian
  it: {
    linkLabel: 'Scrivici su WhatsApp',
    openChatLabel: 'Apri la chat',
    regionLabel: 'Contatti',
    qrLabel: 'Mostra un codice QR per il telefono',
    closeLabel: 'Chiudi',
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
  // Russian
  ru: {
    linkLabel: 'Написать нам в WhatsApp',
    openChatLabel: 'Открыть чат',
    regionLabel: 'Связаться с нами',
    qrLabel: 'Показать QR-код для телефона',
    closeLabel: 'Закрыть',
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
  // Ukrainian
  uk: {
    linkLabel: 'Напишіть нам у WhatsApp',
    openChatLabel: 'Відкрити чат',
    regionLabel: 'Зв’язатися з нами',
    qrLabel: 'Показати QR-код для телефону',
    closeLabel: 'Закрити',
    customStrings: {
      offlineNote: 'Зараз ми не в мережі. Залиште повідомлення, і ми відповімо електронною поштою. Або: {whatsapp}.',
      bot_startOffline:
        'Вітаємо! Зараз нікого немає в мережі. Залиште своє запитання та адресу електронної пошти, і ми з вами зв’яжемося. Для швидшої відповіді: {whatsapp}.',
      bot_startOffline_email:
        'Вітаємо! Зараз нікого немає в мережі. Залиште своє запитання, і ми відповімо на {{#email}}. Для швидшої відповіді: {whatsapp}.',
      bot_startOffline_required:
        'Вітаємо! Зараз нікого немає в мережі. Будь ласка, залиште своє запитання та контактні дані, щоб ми могли відповісти. Для швидшої відповіді: {whatsapp}.',
      bot_afterForm: 'Дякуємо! Ми скоро з вами зв’яжемося. Потрібна відповідь швидше? {whatsapp}.',
      bot_afterForm_email: 'Дякуємо! Ми скоро відповімо на {{#email}}. Потрібна відповідь швидше? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Зручніше у WhatsApp? {whatsapp}: там ми теж відповідаємо.',
      trigger: 'Вітаємо! Маєте запитання? Поставте його тут або у WhatsApp: {whatsapp}.',
      savedReply: 'Ви також можете написати нам у WhatsApp: {whatsapp}',
    },
  },
  // Polish
  pl: {
    linkLabel: 'Zapraszamy do kontaktu przez WhatsApp',
    openChatLabel: 'Otwórz czat',
    regionLabel: 'Kontakt',
    qrLabel: 'Pokaż kod QR do zeskanowania telefonem',
    closeLabel: 'Zamknij',
    customStrings: {
      offlineNote: 'Obecnie jesteśmy offline. Prosimy zostawić wiadomość, a odpowiemy e-mailem. Lub: {whatsapp}.',
      bot_startOffline:
        'Dzień dobry! Obecnie nikogo z nas nie ma online. Prosimy zostawić pytanie i adres e-mail, a odezwiemy się. Aby otrzymać szybszą odpowiedź: {whatsapp}.',
      bot_startOffline_email:
        'Dzień dobry! Obecnie nikogo z nas nie ma online. Prosimy zostawić pytanie, a odpowiemy na adres {{#email}}. Aby otrzymać szybszą odpowiedź: {whatsapp}.',
      bot_startOffline_required:
        'Dzień dobry! Obecnie nikogo z nas nie ma online. Prosimy zostawić pytanie i dane kontaktowe, abyśmy mogli odpowiedzieć. Aby otrzymać szybszą odpowiedź: {whatsapp}.',
      bot_afterForm: 'Dziękujemy! Wkrótce się odezwiemy. Potrzebna szybsza odpowiedź? {whatsapp}.',
      bot_afterForm_email: 'Dziękujemy! Wkrótce odpowiemy na adres {{#email}}. Potrzebna szybsza odpowiedź? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Wygodniej przez WhatsApp? {whatsapp}: tam również odpowiadamy.',
      trigger: 'Dzień dobry! Mają Państwo pytanie? Prosimy pytać tutaj lub przez WhatsApp: {whatsapp}.',
      savedReply: 'Można się z nami skontaktować także przez WhatsApp: {whatsapp}',
    },
  },
  // Danish
  da: {
    linkLabel: 'Skriv til os på WhatsApp',
    openChatLabel: 'Åbn chatten',
    regionLabel: 'Kontakt os',
    qrLabel: 'Vis en QR-kode til din mobil',
    closeLabel: 'Luk',
    customStrings: {
      offlineNote: 'Vi er ikke online lige nu. Skriv en besked, så svarer vi via e-mail. Eller: {whatsapp}.',
      bot_startOffline:
        'Hej! Der er ingen online lige nu. Skriv dit spørgsmål og din e-mailadresse, så vender vi tilbage til dig. Få et hurtigere svar: {whatsapp}.',
      bot_startOffline_email:
        'Hej! Der er ingen online lige nu. Skriv dit spørgsmål, så sender vi svaret til {{#email}}. Få et hurtigere svar: {whatsapp}.',
      bot_startOffline_required:
        'Hej! Der er ingen online lige nu. Skriv dit spørgsmål og dine kontaktoplysninger, så vi kan svare dig. Få et hurtigere svar: {whatsapp}.',
      bot_afterForm: 'Tak! Vi vender snart tilbage til dig. Har du brug for et hurtigere svar? {whatsapp}.',
      bot_afterForm_email: 'Tak! Vi sender snart svaret til {{#email}}. Har du brug for et hurtigere svar? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Foretrækker du WhatsApp? {whatsapp}: Vi svarer også der.',
      trigger: 'Hej! Har du et spørgsmål? Spørg her eller på WhatsApp: {whatsapp}.',
      savedReply: 'Du kan også kontakte os på WhatsApp: {whatsapp}',
    },
  },
  // Turkish
  tr: {
    linkLabel: 'WhatsApp üzerinden bize yazın',
    openChatLabel: 'Sohbeti aç',
    regionLabel: 'İletişim',
    qrLabel: 'Telefonunuz için QR kodu göster',
    closeLabel: 'Kapat',
    customStrings: {
      offlineNote: 'Şu anda çevrimiçi değiliz. Mesajınızı bırakın, size e-postayla yanıt verelim. Ya da: {whatsapp}.',
      bot_startOffline:
        'Merhaba! Şu anda çevrimiçi kimse yok. Sorunuzu ve e-posta adresinizi bırakın, size dönüş yapalım. Daha hızlı yanıt için: {whatsapp}.',
      bot_startOffline_email:
        'Merhaba! Şu anda çevrimiçi kimse yok. Sorunuzu bırakın, {{#email}} adresine yanıt verelim. Daha hızlı yanıt için: {whatsapp}.',
      bot_startOffline_required:
        'Merhaba! Şu anda çevrimiçi kimse yok. Size yanıt verebilmemiz için lütfen sorunuzu ve iletişim bilgilerinizi bırakın. Daha hızlı yanıt için: {whatsapp}.',
      bot_afterForm: 'Teşekkür ederiz! En kısa sürede size dönüş yapacağız. Daha hızlı yanıta mı ihtiyacınız var? {whatsapp}.',
      bot_afterForm_email:
        'Teşekkür ederiz! En kısa sürede {{#email}} adresine yanıt vereceğiz. Daha hızlı yanıta mı ihtiyacınız var? {whatsapp}.',
    },
    dashboard: {
      botScenario: "WhatsApp'ı mı tercih edersiniz? {whatsapp}: Orada da yanıt veriyoruz.",
      trigger: 'Merhaba! Bir sorunuz mu var? Buradan ya da WhatsApp üzerinden sorabilirsiniz: {whatsapp}.',
      savedReply: 'Bize WhatsApp üzerinden de ulaşabilirsiniz: {whatsapp}',
    },
  },
  // Arabic
  ar: {
    linkLabel: 'تواصل معنا عبر WhatsApp',
    openChatLabel: 'فتح المحادثة',
    regionLabel: 'اتصل بنا',
    qrLabel: 'عرض رمز QR للمسح بالهاتف',
    closeLabel: 'إغلاق',
    customStrings: {
      offlineNote: 'نحن غير متصلين حاليًا. يرجى ترك رسالة وسنرد عليك عبر البريد الإلكتروني. أو: {whatsapp}.',
      bot_startOffline:
        'مرحبًا! لا يوجد أحد متصل حاليًا. يرجى ترك سؤالك وبريدك الإلكتروني، وسنعاود التواصل معك. للحصول على رد أسرع: {whatsapp}.',
      bot_startOffline_email: 'مرحبًا! لا يوجد أحد متصل حاليًا. يرجى ترك سؤالك، وسنرسل ردنا إلى {{#email}}. للحصول على رد أسرع: {whatsapp}.',
      bot_startOffline_required:
        'مرحبًا! لا يوجد أحد متصل حاليًا. يرجى ترك سؤالك وبيانات التواصل الخاصة بك لنتمكن من الرد عليك. للحصول على رد أسرع: {whatsapp}.',
      bot_afterForm: 'شكرًا لك! سنتواصل معك قريبًا. بحاجة إلى رد أسرع؟ {whatsapp}.',
      bot_afterForm_email: 'شكرًا لك! سنرسل ردنا قريبًا إلى {{#email}}. بحاجة إلى رد أسرع؟ {whatsapp}.',
    },
    dashboard: {
      botScenario: 'هل التواصل عبر WhatsApp أنسب لك؟ نرد هناك أيضًا: {whatsapp}',
      trigger: 'مرحبًا! هل لديك سؤال؟ يسعدنا الرد عليه هنا أو عبر WhatsApp: {whatsapp}.',
      savedReply: 'يمكنك أيضًا التواصل معنا عبر WhatsApp: {whatsapp}',
    },
  },
  // Persian
  fa: {
    linkLabel: 'در WhatsApp به ما پیام دهید',
    openChatLabel: 'باز کردن گفت‌وگو',
    regionLabel: 'تماس با ما',
    qrLabel: 'نمایش کد QR برای تلفن همراه',
    closeLabel: 'بستن',
    customStrings: {
      offlineNote: 'در حال حاضر آنلاین نیستیم. پیام بگذارید تا از طریق ایمیل پاسخ دهیم. یا: {whatsapp}.',
      bot_startOffline:
        'سلام! در حال حاضر کسی آنلاین نیست. سؤال و ایمیل خود را بگذارید تا با شما تماس بگیریم. برای پاسخ سریع‌تر: {whatsapp}.',
      bot_startOffline_email:
        'سلام! در حال حاضر کسی آنلاین نیست. سؤال خود را بگذارید تا به {{#email}} پاسخ دهیم. برای پاسخ سریع‌تر: {whatsapp}.',
      bot_startOffline_required:
        'سلام! در حال حاضر کسی آنلاین نیست. لطفاً سؤال و اطلاعات تماس خود را بگذارید تا بتوانیم پاسخ دهیم. برای پاسخ سریع‌تر: {whatsapp}.',
      bot_afterForm: 'سپاسگزاریم! به‌زودی با شما تماس می‌گیریم. به پاسخ سریع‌تری نیاز دارید؟ {whatsapp}.',
      bot_afterForm_email: 'سپاسگزاریم! به‌زودی به {{#email}} پاسخ می‌دهیم. به پاسخ سریع‌تری نیاز دارید؟ {whatsapp}.',
    },
    dashboard: {
      botScenario: 'ترجیح می‌دهید از WhatsApp استفاده کنید؟ آنجا هم پاسخگوی شما هستیم: {whatsapp}',
      trigger: 'سلام! سؤالی دارید؟ همین‌جا بپرسید یا در WhatsApp: {whatsapp}.',
      savedReply: 'از طریق WhatsApp هم می‌توانید با ما در تماس باشید: {whatsapp}',
    },
  },
  // Hebrew
  he: {
    linkLabel: 'כתבו לנו ב-WhatsApp',
    openChatLabel: 'פתיחת הצ׳אט',
    regionLabel: 'צרו קשר',
    qrLabel: 'הצגת קוד QR לטלפון',
    closeLabel: 'סגירה',
    customStrings: {
      offlineNote: 'אנחנו לא מחוברים כרגע. השאירו הודעה ונחזור אליכם באימייל. או: {whatsapp}.',
      bot_startOffline: 'שלום! כרגע אין אף אחד מחובר. השאירו את השאלה ואת כתובת האימייל שלכם, ונחזור אליכם. לתשובה מהירה יותר: {whatsapp}.',
      bot_startOffline_email: 'שלום! כרגע אין אף אחד מחובר. השאירו את השאלה שלכם ונשיב לכתובת {{#email}}. לתשובה מהירה יותר: {whatsapp}.',
      bot_startOffline_required:
        'שלום! כרגע אין אף אחד מחובר. השאירו בבקשה את השאלה ואת פרטי הקשר שלכם, כדי שנוכל לחזור אליכם. לתשובה מהירה יותר: {whatsapp}.',
      bot_afterForm: 'תודה! נחזור אליכם בקרוב. רוצים תשובה מהירה יותר? {whatsapp}.',
      bot_afterForm_email: 'תודה! נשיב בקרוב לכתובת {{#email}}. רוצים תשובה מהירה יותר? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'מעדיפים WhatsApp? אנחנו עונים גם שם: {whatsapp}',
      trigger: 'שלום! יש לכם שאלה? שאלו כאן או ב-WhatsApp: {whatsapp}.',
      savedReply: 'אפשר לפנות אלינו גם ב-WhatsApp: {whatsapp}',
    },
  },
  // Hindi
  hi: {
    linkLabel: 'WhatsApp पर हमसे संपर्क करें',
    openChatLabel: 'चैट खोलें',
    regionLabel: 'हमसे संपर्क करें',
    qrLabel: 'अपने फ़ोन के लिए QR कोड दिखाएँ',
    closeLabel: 'बंद करें',
    customStrings: {
      offlineNote: 'हम अभी ऑफ़लाइन हैं। कृपया संदेश छोड़ें, हम आपको ईमेल से जवाब देंगे। या फिर: {whatsapp}।',
      bot_startOffline: 'नमस्ते! अभी कोई ऑनलाइन नहीं है। अपना सवाल और ईमेल पता छोड़ दें, हम आपसे संपर्क करेंगे। और जल्दी जवाब के लिए: {whatsapp}।',
      bot_startOffline_email: 'नमस्ते! अभी कोई ऑनलाइन नहीं है। अपना सवाल छोड़ दें, हम {{#email}} पर जवाब देंगे। और जल्दी जवाब के लिए: {whatsapp}।',
      bot_startOffline_required:
        'नमस्ते! अभी कोई ऑनलाइन नहीं है। कृपया अपना सवाल और संपर्क विवरण छोड़ दें, ताकि हम आपको जवाब दे सकें। और जल्दी जवाब के लिए: {whatsapp}।',
      bot_afterForm: 'धन्यवाद! हम जल्द ही आपसे संपर्क करेंगे। क्या आपको और जल्दी जवाब चाहिए? {whatsapp}।',
      bot_afterForm_email: 'धन्यवाद! हम जल्द ही {{#email}} पर जवाब देंगे। क्या आपको और जल्दी जवाब चाहिए? {whatsapp}।',
    },
    dashboard: {
      botScenario: 'क्या WhatsApp आपके लिए ज़्यादा सुविधाजनक है? हम वहाँ भी जवाब देते हैं: {whatsapp}',
      trigger: 'नमस्ते! कोई सवाल है? यहाँ पूछें या WhatsApp पर: {whatsapp}।',
      savedReply: 'आप WhatsApp पर भी हमसे संपर्क कर सकते हैं: {whatsapp}',
    },
  },
  // Indonesian
  id: {
    linkLabel: 'Hubungi kami melalui WhatsApp',
    openChatLabel: 'Buka chat',
    regionLabel: 'Hubungi kami',
    qrLabel: 'Tampilkan kode QR untuk ponsel Anda',
    closeLabel: 'Tutup',
    customStrings: {
      offlineNote: 'Saat ini kami sedang offline. Silakan tinggalkan pesan dan kami akan membalas melalui email. Atau: {whatsapp}.',
      bot_startOffline:
        'Halo! Saat ini tidak ada yang online. Tinggalkan pertanyaan dan alamat email Anda, kami akan segera menghubungi Anda. Untuk jawaban lebih cepat: {whatsapp}.',
      bot_startOffline_email:
        'Halo! Saat ini tidak ada yang online. Tinggalkan pertanyaan Anda dan kami akan membalas ke {{#email}}. Untuk jawaban lebih cepat: {whatsapp}.',
      bot_startOffline_required:
        'Halo! Saat ini tidak ada yang online. Silakan tinggalkan pertanyaan dan informasi kontak Anda agar kami dapat membalas. Untuk jawaban lebih cepat: {whatsapp}.',
      bot_afterForm: 'Terima kasih! Kami akan segera menghubungi Anda. Perlu jawaban lebih cepat? {whatsapp}.',
      bot_afterForm_email: 'Terima kasih! Kami akan segera membalas ke {{#email}}. Perlu jawaban lebih cepat? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Lebih suka WhatsApp? {whatsapp}: kami juga menjawab di sana.',
      trigger: 'Halo! Ada pertanyaan? Tanyakan di sini atau melalui WhatsApp: {whatsapp}.',
      savedReply: 'Anda juga dapat menghubungi kami melalui WhatsApp: {whatsapp}',
    },
  },
  // Vietnamese
  vi: {
    linkLabel: 'Nhắn tin cho chúng tôi qua WhatsApp',
    openChatLabel: 'Mở cuộc trò chuyện',
    regionLabel: 'Liên hệ với chúng tôi',
    qrLabel: 'Hiển thị mã QR để quét bằng điện thoại',
    closeLabel: 'Đóng',
    customStrings: {
      offlineNote:
        'Hiện tại chúng tôi không trực tuyến. Quý khách vui lòng để lại tin nhắn, chúng tôi sẽ phản hồi qua email. Hoặc: {whatsapp}.',
      bot_startOffline:
        'Xin chào! Hiện không có nhân viên nào trực tuyến. Quý khách vui lòng để lại câu hỏi và địa chỉ email, chúng tôi sẽ liên hệ lại. Để được phản hồi nhanh hơn: {whatsapp}.',
      bot_startOffline_email:
        'Xin chào! Hiện không có nhân viên nào trực tuyến. Quý khách vui lòng để lại câu hỏi, chúng tôi sẽ phản hồi đến {{#email}}. Để được phản hồi nhanh hơn: {whatsapp}.',
      bot_startOffline_required:
        'Xin chào! Hiện không có nhân viên nào trực tuyến. Quý khách vui lòng để lại câu hỏi và thông tin liên hệ để chúng tôi có thể phản hồi. Để được phản hồi nhanh hơn: {whatsapp}.',
      bot_afterForm: 'Cảm ơn Quý khách! Chúng tôi sẽ sớm liên hệ lại. Quý khách cần phản hồi sớm hơn? {whatsapp}.',
      bot_afterForm_email: 'Cảm ơn Quý khách! Chúng tôi sẽ sớm phản hồi đến {{#email}}. Quý khách cần phản hồi sớm hơn? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'Quý khách thích dùng WhatsApp hơn? Chúng tôi cũng hỗ trợ qua WhatsApp: {whatsapp}',
      trigger: 'Xin chào! Quý khách có thắc mắc? Hãy đặt câu hỏi tại đây hoặc qua WhatsApp: {whatsapp}.',
      savedReply: 'Quý khách cũng có thể liên hệ với chúng tôi qua WhatsApp: {whatsapp}',
    },
  },
  // Japanese
  ja: {
    linkLabel: 'WhatsAppでお問い合わせ',
    openChatLabel: 'チャットを開く',
    regionLabel: 'お問い合わせ',
    qrLabel: 'スマートフォン用のQRコードを表示',
    closeLabel: '閉じる',
    customStrings: {
      offlineNote:
        'ただいまオフラインです。メッセージを残していただければ、メールでご返信いたします。または、こちらからどうぞ：{whatsapp}。',
      bot_startOffline:
        'こんにちは！ただいま対応できる担当者がおりません。ご質問とメールアドレスを残していただければ、折り返しご連絡いたします。お急ぎの場合はこちら：{whatsapp}。',
      bot_startOffline_email:
        'こんにちは！ただいま対応できる担当者がおりません。ご質問を残していただければ、{{#email}}宛てにご返信いたします。お急ぎの場合はこちら：{whatsapp}。',
      bot_startOffline_required:
        'こんにちは！ただいま対応できる担当者がおりません。ご返信のため、ご質問とご連絡先をお残しください。お急ぎの場合はこちら：{whatsapp}。',
      bot_afterForm: 'ありがとうございます！まもなくご連絡いたします。お急ぎの場合はこちら：{whatsapp}。',
      bot_afterForm_email: 'ありがとうございます！まもなく{{#email}}宛てにご返信いたします。お急ぎの場合はこちら：{whatsapp}。',
    },
    dashboard: {
      botScenario: 'WhatsAppをご希望ですか？WhatsAppでもお問い合わせを受け付けております：{whatsapp}',
      trigger: 'こんにちは！ご質問はありますか？このチャット、またはWhatsAppでお気軽にお尋ねください：{whatsapp}。',
      savedReply: 'WhatsAppでもお問い合わせいただけます：{whatsapp}',
    },
  },
  // Korean
  ko: {
    linkLabel: 'WhatsApp으로 문의하기',
    openChatLabel: '채팅 열기',
    regionLabel: '문의하기',
    qrLabel: '휴대폰용 QR 코드 보기',
    closeLabel: '닫기',
    customStrings: {
      offlineNote:
        '지금은 오프라인 상태입니다. 메시지를 남겨 주시면 이메일로 답변드리겠습니다. WhatsApp으로도 문의하실 수 있습니다: {whatsapp}.',
      bot_startOffline:
        '안녕하세요! 지금은 상담 가능한 담당자가 없습니다. 질문과 이메일 주소를 남겨 주시면 연락드리겠습니다. 더 빠른 답변을 원하시면: {whatsapp}.',
      bot_startOffline_email:
        '안녕하세요! 지금은 상담 가능한 담당자가 없습니다. 질문을 남겨 주시면 {{#email}} 주소로 답변드리겠습니다. 더 빠른 답변을 원하시면: {whatsapp}.',
      bot_startOffline_required:
        '안녕하세요! 지금은 상담 가능한 담당자가 없습니다. 답변을 드릴 수 있도록 질문과 연락처를 남겨 주세요. 더 빠른 답변을 원하시면: {whatsapp}.',
      bot_afterForm: '감사합니다! 곧 연락드리겠습니다. 더 빨리 답변을 받고 싶으신가요? {whatsapp}.',
      bot_afterForm_email: '감사합니다! 곧 {{#email}} 주소로 답변드리겠습니다. 더 빨리 답변을 받고 싶으신가요? {whatsapp}.',
    },
    dashboard: {
      botScenario: 'WhatsApp이 더 편하신가요? WhatsApp에서도 답변드립니다: {whatsapp}',
      trigger: '안녕하세요! 궁금한 점이 있으신가요? 여기 또는 WhatsApp으로 편하게 문의해 주세요: {whatsapp}.',
      savedReply: 'WhatsApp으로도 문의하실 수 있습니다: {whatsapp}',
    },
  },
  // Chinese (Simplified)
  'zh-cn': {
    linkLabel: '通过 WhatsApp 联系我们',
    openChatLabel: '打开聊天窗口',
    regionLabel: '联系我们',
    qrLabel: '显示供手机扫描的 QR 码',
    closeLabel: '关闭',
    customStrings: {
      offlineNote: '我们目前不在线。请留言，我们将通过电子邮件回复您。您也可以：{whatsapp}。',
      bot_startOffline: '您好！目前没有客服在线。请留下您的问题和电子邮箱，我们会与您联系。如需更快答复：{whatsapp}。',
      bot_startOffline_email: '您好！目前没有客服在线。请留下您的问题，我们将回复至 {{#email}}。如需更快答复：{whatsapp}。',
      bot_startOffline_required: '您好！目前没有客服在线。请留下您的问题和联系方式，以便我们回复您。如需更快答复：{whatsapp}。',
      bot_afterForm: '谢谢！我们会尽快与您联系。希望更快得到答复？{whatsapp}。',
      bot_afterForm_email: '谢谢！我们会尽快回复至 {{#email}}。希望更快得到答复？{whatsapp}。',
    },
    dashboard: {
      botScenario: '您更习惯使用 WhatsApp 吗？我们在 WhatsApp 上同样为您解答：{whatsapp}',
      trigger: '您好！有问题想咨询吗？欢迎在此提问，也可以使用 WhatsApp：{whatsapp}。',
      savedReply: '您也可以通过 WhatsApp 联系我们：{whatsapp}',
    },
  },
};
