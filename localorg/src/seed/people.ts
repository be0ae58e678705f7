// Agents in five languages (en, de, es, fr, nl) plus the integration user.
import { INTEGRATION_USERNAME, USER_DOMAIN } from './constants';

export interface SeedUser {
  FirstName: string;
  LastName: string;
  Alias: string;
  Username: string;
  Email: string;
  LanguageLocaleKey: string;
  LocaleSidKey: string;
  TimeZoneSidKey: string;
  Title: string;
  Extension: string | null;
}

function agent(
  first: string,
  last: string,
  login: string,
  lang: string,
  locale: string,
  tz: string,
  title: string,
  ext: string
): SeedUser {
  return {
    FirstName: first,
    LastName: last,
    Alias: login.replace(/[^a-z]/g, '').slice(0, 8),
    Username: `${login}@${USER_DOMAIN}`,
    Email: `${login}@${USER_DOMAIN}`,
    LanguageLocaleKey: lang,
    LocaleSidKey: locale,
    TimeZoneSidKey: tz,
    Title: title,
    Extension: ext
  };
}

export const INTEGRATION_USER: SeedUser = {
  FirstName: 'Integration',
  LastName: 'User',
  Alias: 'integ',
  Username: INTEGRATION_USERNAME,
  Email: INTEGRATION_USERNAME,
  LanguageLocaleKey: 'en_US',
  LocaleSidKey: 'en_US',
  TimeZoneSidKey: 'Europe/London',
  Title: 'Connector',
  Extension: null
};

export const AGENTS: SeedUser[] = [
  agent('Emma', 'Clarke', 'emma.clarke', 'en_US', 'en_GB', 'Europe/London', 'Service Agent', '1001'),
  agent('Oliver', 'Bennett', 'oliver.bennett', 'en_US', 'en_GB', 'Europe/London', 'Team Lead', '1002'),
  agent('Lukas', 'Weber', 'lukas.weber', 'de', 'de_DE', 'Europe/Berlin', 'Service Agent', '1003'),
  agent('Anna', 'Schmidt', 'anna.schmidt', 'de', 'de_DE', 'Europe/Berlin', 'Service Agent', '1004'),
  agent('Sofía', 'García', 'sofia.garcia', 'es', 'es_ES', 'Europe/Madrid', 'Service Agent', '1005'),
  agent('Camille', 'Martin', 'camille.martin', 'fr', 'fr_FR', 'Europe/Paris', 'Service Agent', '1006'),
  agent('Julien', 'Bernard', 'julien.bernard', 'fr', 'fr_FR', 'Europe/Paris', 'Service Agent', '1007'),
  agent('Daan', 'de Vries', 'daan.devries', 'nl_NL', 'nl_NL', 'Europe/Amsterdam', 'Service Agent', '1008')
];
