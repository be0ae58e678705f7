// Who a customer can be (Contact, Lead) and who an agent is (User). Digital ids live in custom fields for screen pop (S6).
import { defineObject } from '../define';
import { f, ownerField } from '../fields';

export const LANGUAGES = ['en', 'de', 'es', 'fr', 'nl'] as const;

function digitalIds() {
  return [
    f.text('WhatsApp_Id__c', 40, { externalId: true, label: 'WhatsApp Id' }),
    f.text('Messenger_Id__c', 80, { externalId: true, label: 'Messenger Id' }),
    f.text('Instagram_Id__c', 80, { externalId: true, label: 'Instagram Id' }),
    f.text('X_Id__c', 80, { externalId: true, label: 'X Id' })
  ];
}

export const contact = defineObject({
  name: 'Contact',
  label: 'Contact',
  labelPlural: 'Contacts',
  keyPrefix: '003',
  fields: [
    f.picklist('Salutation', ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
    f.text('FirstName', 40),
    f.text('LastName', 80, { required: true }),
    f.text('Name', 121, { calculated: true, nameField: true, label: 'Full Name' }),
    f.ref('AccountId', ['Account'], 'Account'),
    f.text('Title', 128),
    f.text('Department', 80),
    f.email('Email'),
    f.phone('Phone', { label: 'Business Phone' }),
    f.phone('MobilePhone', { label: 'Mobile Phone' }),
    f.phone('HomePhone', { label: 'Home Phone' }),
    f.text('MailingCity', 40),
    f.text('MailingCountry', 80),
    f.textarea('Description', 32000),
    ownerField(['User']),
    f.picklist('Preferred_Language__c', LANGUAGES, { label: 'Preferred Language' }),
    ...digitalIds()
  ]
});

export const lead = defineObject({
  name: 'Lead',
  label: 'Lead',
  labelPlural: 'Leads',
  keyPrefix: '00Q',
  fields: [
    f.text('FirstName', 40),
    f.text('LastName', 80, { required: true }),
    f.text('Name', 121, { calculated: true, nameField: true, label: 'Full Name' }),
    f.text('Company', 255, { required: true }),
    f.text('Title', 128),
    f.email('Email'),
    f.phone('Phone'),
    f.phone('MobilePhone', { label: 'Mobile Phone' }),
    f.picklist(
      'Status',
      ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
      {
        required: true,
        restricted: true,
        defaultValue: 'Open - Not Contacted'
      }
    ),
    f.picklist('LeadSource', ['Web', 'Phone Inquiry', 'Partner Referral', 'Chat', 'Social', 'Other']),
    f.text('City', 40),
    f.text('Country', 80),
    f.bool('IsConverted', { readOnly: true, label: 'Converted' }),
    f.textarea('Description', 32000),
    ownerField(['User', 'Group']),
    ...digitalIds()
  ]
});

export const user = defineObject({
  name: 'User',
  label: 'User',
  labelPlural: 'Users',
  keyPrefix: '005',
  deletable: false,
  fields: [
    f.text('Username', 80, { required: true, unique: true }),
    f.text('FirstName', 40),
    f.text('LastName', 80, { required: true }),
    f.text('Name', 121, { calculated: true, nameField: true, label: 'Full Name' }),
    f.text('Alias', 8, { required: true }),
    f.email('Email', { required: true }),
    f.bool('IsActive', { defaultValue: true, label: 'Active' }),
    f.text('Title', 80),
    f.text('Department', 80),
    f.phone('Phone'),
    f.text('Extension', 40),
    f.picklist('LanguageLocaleKey', ['en_US', 'de', 'es', 'fr', 'nl_NL'], {
      required: true,
      restricted: true,
      label: 'Language'
    }),
    f.picklist('LocaleSidKey', ['en_US', 'en_GB', 'de_DE', 'es_ES', 'fr_FR', 'nl_NL', 'nl_BE'], {
      required: true,
      restricted: true,
      label: 'Locale'
    }),
    f.picklist(
      'TimeZoneSidKey',
      ['Europe/London', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Paris', 'Europe/Amsterdam'],
      {
        required: true,
        label: 'Time Zone'
      }
    ),
    f.picklist('EmailEncodingKey', ['UTF-8', 'ISO-8859-1'], { required: true, defaultValue: 'UTF-8' }),
    f.picklist('UserType', ['Standard', 'AutomatedProcess'], { readOnly: true, defaultValue: 'Standard' })
  ]
});
