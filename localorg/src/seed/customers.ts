// Customers for a believable demo: accounts in five countries, contacts and leads with E.164 phones, e-mails and
// digital ids, and deliberate duplicates (shared switchboard numbers, a contact and a lead with one e-mail) so a
// screen pop finds several matches (S6).
type Fields = Record<string, string | number | boolean | null>;

export const ACCOUNTS: Fields[] = [
  {
    Name: 'Acme Corporation',
    Phone: '+14155550100',
    Industry: 'Technology',
    Type: 'Customer - Direct',
    BillingCity: 'San Francisco',
    BillingCountry: 'United States',
    Website: 'https://acme.example'
  },
  {
    Name: 'Northwind Traders Ltd',
    Phone: '+442079460000',
    Industry: 'Retail',
    Type: 'Customer - Direct',
    BillingCity: 'London',
    BillingCountry: 'United Kingdom'
  },
  {
    Name: 'Müller Maschinenbau GmbH',
    Phone: '+49301234500',
    Industry: 'Energy',
    Type: 'Customer - Channel',
    BillingCity: 'Berlin',
    BillingCountry: 'Germany'
  },
  {
    Name: 'Viajes Iberia S.L.',
    Phone: '+34911234567',
    Industry: 'Travel',
    Type: 'Customer - Direct',
    BillingCity: 'Madrid',
    BillingCountry: 'Spain'
  },
  {
    Name: 'Boulangerie Dupont SARL',
    Phone: '+33478123456',
    Industry: 'Retail',
    Type: 'Prospect',
    BillingCity: 'Lyon',
    BillingCountry: 'France'
  },
  {
    Name: 'Van Dijk Logistiek B.V.',
    Phone: '+31101234567',
    Industry: 'Other',
    Type: 'Partner',
    BillingCity: 'Rotterdam',
    BillingCountry: 'Netherlands'
  }
];

/** account: index into ACCOUNTS, or null. */
export const CONTACTS: (Fields & { account: number | null })[] = [
  {
    account: 0,
    FirstName: 'Sarah',
    LastName: 'Johnson',
    Title: 'IT Director',
    Phone: '+14155550123',
    MobilePhone: '+14155550199',
    Email: 'sarah.johnson@acme.example',
    WhatsApp_Id__c: '+14155550199',
    Messenger_Id__c: 'sarah.johnson.acme',
    Instagram_Id__c: 'sarahj.sf',
    X_Id__c: 'sarahj_acme',
    Preferred_Language__c: 'en',
    MailingCity: 'San Francisco',
    MailingCountry: 'United States'
  },
  {
    account: 0,
    FirstName: 'Michael',
    LastName: 'Chen',
    Title: 'Buyer',
    Phone: '+14155550124',
    Email: 'michael.chen@acme.example',
    Preferred_Language__c: 'en'
  },
  // James and Emily share the Northwind switchboard number: a call from it matches both.
  {
    account: 1,
    FirstName: 'James',
    LastName: 'Wilson',
    Title: 'Operations Manager',
    Phone: '+442079460123',
    MobilePhone: '+447700900123',
    Email: 'james.wilson@northwind.example',
    WhatsApp_Id__c: '+447700900123',
    Preferred_Language__c: 'en'
  },
  {
    account: 1,
    FirstName: 'Emily',
    LastName: 'Wilson',
    Title: 'Office Manager',
    Phone: '+442079460123',
    Email: 'emily.wilson@northwind.example',
    Preferred_Language__c: 'en'
  },
  // Hans and Greta Müller share the company number.
  {
    account: 2,
    Salutation: 'Mr.',
    FirstName: 'Hans',
    LastName: 'Müller',
    Title: 'Geschäftsführer',
    Phone: '+49301234500',
    MobilePhone: '+491701234567',
    Email: 'hans.mueller@mueller.example',
    WhatsApp_Id__c: '+491701234567',
    Preferred_Language__c: 'de',
    MailingCity: 'Berlin',
    MailingCountry: 'Germany'
  },
  {
    account: 2,
    Salutation: 'Ms.',
    FirstName: 'Greta',
    LastName: 'Müller',
    Title: 'Einkauf',
    Phone: '+49301234500',
    Email: 'greta.mueller@mueller.example',
    Preferred_Language__c: 'de'
  },
  {
    account: 3,
    FirstName: 'Carmen',
    LastName: 'López',
    Title: 'Directora',
    Phone: '+34911234567',
    MobilePhone: '+34612345678',
    Email: 'carmen.lopez@iberia.example',
    WhatsApp_Id__c: '+34612345678',
    Preferred_Language__c: 'es'
  },
  {
    account: 3,
    FirstName: 'Javier',
    LastName: 'Fernández',
    MobilePhone: '+34698765432',
    Email: 'javier.fernandez@iberia.example',
    Instagram_Id__c: 'javi.fdz',
    Preferred_Language__c: 'es'
  },
  {
    account: 4,
    FirstName: 'Léa',
    LastName: 'Dubois',
    Title: 'Gérante',
    Phone: '+33478123456',
    MobilePhone: '+33612345678',
    Email: 'lea.dubois@dupont.example',
    Messenger_Id__c: 'lea.dubois.lyon',
    Preferred_Language__c: 'fr'
  },
  {
    account: 4,
    FirstName: 'Thomas',
    LastName: 'Moreau',
    MobilePhone: '+33687654321',
    Email: 'thomas.moreau@dupont.example',
    X_Id__c: 'tmoreau',
    Preferred_Language__c: 'fr'
  },
  {
    account: 5,
    FirstName: 'Sanne',
    LastName: 'de Jong',
    Title: 'Planner',
    Phone: '+31101234567',
    MobilePhone: '+31612345678',
    Email: 'sanne.dejong@vandijk.example',
    WhatsApp_Id__c: '+31612345678',
    Preferred_Language__c: 'nl'
  },
  {
    account: 5,
    FirstName: 'Pieter',
    LastName: 'Bakker',
    MobilePhone: '+31687654321',
    Email: 'pieter.bakker@vandijk.example',
    Preferred_Language__c: 'nl'
  },
  {
    account: null,
    FirstName: 'Alex',
    LastName: 'Taylor',
    MobilePhone: '+447700900456',
    Email: 'alex.taylor@mail.example',
    WhatsApp_Id__c: '+447700900456',
    Preferred_Language__c: 'en'
  }
];

export const LEADS: Fields[] = [
  // Same person as the contact Alex Taylor (phone and e-mail): two matches of different types.
  {
    FirstName: 'Alex',
    LastName: 'Taylor',
    Company: 'Taylor Consulting',
    MobilePhone: '+447700900456',
    Email: 'alex.taylor@mail.example',
    LeadSource: 'Web'
  },
  // Shares Sanne de Jong's e-mail.
  {
    FirstName: 'Sanne',
    LastName: 'de Jong',
    Company: 'De Jong Design',
    Phone: '+31612345678',
    Email: 'sanne.dejong@vandijk.example',
    LeadSource: 'Chat'
  },
  {
    FirstName: 'Marco',
    LastName: 'Rossi',
    Company: 'Rossi Import',
    MobilePhone: '+393471234567',
    Email: 'marco.rossi@rossi.example',
    WhatsApp_Id__c: '+393471234567',
    LeadSource: 'Phone Inquiry',
    Country: 'Italy'
  },
  {
    FirstName: 'Chloé',
    LastName: 'Laurent',
    Company: 'Laurent Conseil',
    MobilePhone: '+33698123456',
    Email: 'chloe.laurent@laurent.example',
    Instagram_Id__c: 'chloe.laurent',
    LeadSource: 'Social',
    Country: 'France'
  },
  {
    FirstName: 'Kevin',
    LastName: 'Brown',
    Company: 'Brown & Co',
    Phone: '+12125550199',
    Email: 'kevin@brownco.example',
    X_Id__c: 'kbrown_co',
    LeadSource: 'Social',
    Country: 'United States'
  }
];

/** contact: index into CONTACTS. */
export const CASES: (Fields & { contact: number })[] = [
  {
    contact: 0,
    Subject: 'VPN client disconnects every hour',
    Status: 'Working',
    Priority: 'High',
    Origin: 'Phone',
    Type: 'Problem'
  },
  {
    contact: 2,
    Subject: 'Delivery 4711 arrived damaged',
    Status: 'New',
    Priority: 'Medium',
    Origin: 'Email',
    Type: 'Problem'
  },
  {
    contact: 4,
    Subject: 'Wartungsvertrag verlängern',
    Status: 'New',
    Priority: 'Low',
    Origin: 'WhatsApp',
    Type: 'Question'
  },
  {
    contact: 6,
    Subject: 'Cambio de reserva de grupo',
    Status: 'Escalated',
    Priority: 'High',
    Origin: 'Chat',
    Type: 'Question'
  },
  {
    contact: 8,
    Subject: 'Facture en double',
    Status: 'Working',
    Priority: 'Medium',
    Origin: 'Messenger',
    Type: 'Problem'
  },
  {
    contact: 10,
    Subject: 'Track & trace werkt niet',
    Status: 'Closed',
    Priority: 'Medium',
    Origin: 'Web',
    Type: 'Problem'
  }
];

/** Earlier interactions for contact history (C16); contact: index into CONTACTS. */
export const HISTORY: (Fields & { contact: number })[] = [
  {
    contact: 0,
    Subject: 'Call: VPN issue reported',
    TaskSubtype: 'Call',
    CallType: 'Inbound',
    CallDurationInSeconds: 412,
    CallDisposition: 'Escalated',
    Channel__c: 'voice',
    ActivityDate: '2025-11-03',
    Interaction_Key__c: 'seed-voice-0001',
    Tags__c: 'vpn;priority'
  },
  {
    contact: 0,
    Subject: 'Chat: VPN follow-up',
    TaskSubtype: 'Task',
    Channel__c: 'chat',
    CallDisposition: 'Resolved',
    ActivityDate: '2025-11-05',
    Interaction_Key__c: 'seed-chat-0001'
  },
  {
    contact: 4,
    Subject: 'Anruf: Wartung',
    TaskSubtype: 'Call',
    CallType: 'Outbound',
    CallDurationInSeconds: 185,
    CallDisposition: 'Callback Requested',
    Channel__c: 'voice',
    ActivityDate: '2025-10-21',
    Interaction_Key__c: 'seed-voice-0002'
  },
  {
    contact: 6,
    Subject: 'WhatsApp: reserva',
    TaskSubtype: 'Task',
    Channel__c: 'whatsapp',
    CallDisposition: 'Information Provided',
    ActivityDate: '2025-11-10',
    Interaction_Key__c: 'seed-whatsapp-0001'
  }
];
