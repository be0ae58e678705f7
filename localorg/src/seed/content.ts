// Quick Texts in each agent language (wrap-up codes are custom metadata: force-app/main/default/customMetadata).
type Lang = 'en' | 'de' | 'es' | 'fr' | 'nl';

const TEXTS: Record<string, { category: string; text: Record<Lang, string> }> = {
  Greeting: {
    category: 'Greetings',
    text: {
      en: 'Hello {!Contact.FirstName}, thank you for contacting us. How can I help you today?',
      de: 'Hallo {!Contact.FirstName}, danke für Ihre Nachricht. Wie kann ich Ihnen helfen?',
      es: 'Hola {!Contact.FirstName}, gracias por contactarnos. ¿En qué puedo ayudarle?',
      fr: 'Bonjour {!Contact.FirstName}, merci de nous avoir contactés. Comment puis-je vous aider ?',
      nl: 'Hallo {!Contact.FirstName}, bedankt voor uw bericht. Waarmee kan ik u helpen?'
    }
  },
  Hold: {
    category: 'FAQ',
    text: {
      en: 'Please allow me a moment while I look into this for you.',
      de: 'Einen Moment bitte, ich sehe mir das für Sie an.',
      es: 'Permítame un momento mientras lo reviso.',
      fr: 'Un instant s’il vous plaît, je vérifie cela pour vous.',
      nl: 'Een ogenblik geduld, ik zoek het voor u uit.'
    }
  },
  Apology: {
    category: 'Apologies',
    text: {
      en: 'I am sorry for the inconvenience this has caused.',
      de: 'Es tut mir leid für die Unannehmlichkeiten.',
      es: 'Lamento las molestias ocasionadas.',
      fr: 'Je suis désolé pour la gêne occasionnée.',
      nl: 'Excuses voor het ongemak.'
    }
  },
  Closing: {
    category: 'Closings',
    text: {
      en: 'Is there anything else I can help you with? Have a nice day!',
      de: 'Kann ich sonst noch etwas für Sie tun? Einen schönen Tag noch!',
      es: '¿Puedo ayudarle en algo más? ¡Que tenga un buen día!',
      fr: 'Puis-je vous aider pour autre chose ? Bonne journée !',
      nl: 'Kan ik u nog ergens anders mee helpen? Fijne dag!'
    }
  }
};

export const QUICK_TEXTS = Object.entries(TEXTS).flatMap(([name, { category, text }]) =>
  (Object.keys(text) as Lang[]).map((lang) => ({
    Name: `${name} (${lang})`,
    Message: text[lang],
    Category: category,
    Channel: 'Chat;Messaging;Email',
    Language__c: lang
  }))
);
