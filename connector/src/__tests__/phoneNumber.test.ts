// V9, V10: the panels' phoneNumber module (force-app/.../phoneNumber, what the keypad shows before dialling) agrees with
// the connector's normaliser, which stays the authority (it refuses INVALID_NUMBER anyway).
import { COUNTRIES_WITH_NATIONAL_FORMAT as PANEL_COUNTRIES, dialString, isEmergency, normalise } from 'c/phoneNumber';
import {
  COUNTRIES_WITH_NATIONAL_FORMAT,
  defaultVoiceConfig,
  dialString as connectorDialString,
  isEmergencyNumber,
  normaliseToE164
} from '../interactions/voice';

const INPUTS = [
  '(415) 555-0134',
  '415.555.0134',
  '1-415-555-0134',
  '4155550134',
  '+1 415 555 0160',
  '011 44 20 7946 0018',
  '020 7946 0018',
  '07700 900123',
  '+44 (0)20 7946 0018',
  '0044 20 7946 0018',
  '030 1234567',
  '+49 030 1234567',
  '0151/12345678',
  '01 23 45 67 89',
  '06.12.34.56.78',
  '612 34 56 78',
  '+34 912 345 678',
  '020-1234567',
  '06 12345678',
  '+1 212 555 0100',
  '00 81 3 1234 5678',
  '  +61 2 9876 5432 ',
  '+353 1 234 5678',
  '01 234 5678',
  '0 2 123 45 67',
  '01 5123456',
  '044 668 18 00',
  '06 1234 5678',
  '21 234 5678',
  '+351 912 345 678',
  '',
  '   ',
  '555-0134',
  '(911) 555-0134',
  '(415) 155-0134',
  '2079460018',
  '1-800-FLOWERS',
  '+44 20 7946 0018 ext 12',
  '+0 123 4567',
  '12+34',
  '+123',
  '+1234567890123456',
  '911',
  '933',
  '112',
  '999',
  '+911',
  '9110',
  '<img src=x onerror=alert(1)>',
  '4'.repeat(41)
];
const COUNTRIES = [...COUNTRIES_WITH_NATIONAL_FORMAT, 'JP', 'us', ''];

describe('c/phoneNumber against the connector', () => {
  it('V9 knows the same national formats', () => {
    expect([...PANEL_COUNTRIES].sort()).toEqual([...COUNTRIES_WITH_NATIONAL_FORMAT].sort());
  });

  it.each(COUNTRIES)('V9 normalises every input of the table as the connector does in %j', (country) => {
    for (const raw of INPUTS) expect([raw, normalise(raw, country)]).toEqual([raw, normaliseToE164(raw, country)]);
  });

  it.each(['US', 'GB', 'DE', 'FR'])('V10 dials emergency numbers of %s as the connector does', (country) => {
    const numbers = defaultVoiceConfig.emergencyNumbers[country] ?? [];
    for (const raw of INPUTS) {
      expect([raw, isEmergency(raw, numbers)]).toEqual([raw, isEmergencyNumber(raw, defaultVoiceConfig, country)]);
      expect([raw, dialString(raw, country, numbers)]).toEqual([
        raw,
        connectorDialString(raw, defaultVoiceConfig, country)
      ]);
    }
  });
});
