import { defaultVoiceConfig, isDialable, isEmergencyNumber, normaliseToE164 } from '..';
import { withConfig } from './helpers';

describe('normaliseToE164', () => {
  it.each([
    ['(415) 555-0134', 'US', '+14155550134'],
    ['415.555.0134', 'US', '+14155550134'],
    ['1-415-555-0134', 'US', '+14155550134'],
    ['4155550134', 'CA', '+14155550134'],
    ['011 44 20 7946 0018', 'US', '+442079460018'],
    ['020 7946 0018', 'GB', '+442079460018'],
    ['07700 900123', 'GB', '+447700900123'],
    ['+44 (0)20 7946 0018', 'US', '+442079460018'],
    ['0044 20 7946 0018', 'DE', '+442079460018'],
    ['030 1234567', 'DE', '+49301234567'],
    ['+49 030 1234567', 'US', '+49301234567'],
    ['0151/12345678', 'DE', '+4915112345678'],
    ['01 23 45 67 89', 'FR', '+33123456789'],
    ['06.12.34.56.78', 'FR', '+33612345678'],
    ['612 34 56 78', 'ES', '+34612345678'],
    ['+34 912 345 678', 'NL', '+34912345678'],
    ['020-1234567', 'NL', '+31201234567'],
    ['06 12345678', 'NL', '+31612345678'],
    ['+1 212 555 0100', 'GB', '+12125550100'],
    ['00 81 3 1234 5678', 'FR', '+81312345678'],
    ['  +61 2 9876 5432 ', 'US', '+61298765432']
  ])('V9 reads %s in %s as %s', (raw, country, e164) => {
    expect(normaliseToE164(raw, country)).toBe(e164);
  });

  it.each([
    ['', 'US'],
    ['   ', 'US'],
    ['555-0134', 'US'], // too short for NANP
    ['(911) 555-0134', 'US'], // area codes are never N11
    ['(415) 155-0134', 'US'], // exchanges never start with 1
    ['2079460018', 'GB'], // national format needs the trunk 0
    ['1-800-FLOWERS', 'US'],
    ['+44 20 7946 0018 ext 12', 'GB'],
    ['+0 123 4567', 'US'],
    ['12+34', 'US'],
    ['+123', 'US'],
    ['+1234567890123456', 'US'], // longer than E.164 allows
    ['612 34 56 78', 'JP'], // no national format known for this country
    ['911', 'US']
  ])('V9 refuses %j in %s', (raw, country) => {
    expect(normaliseToE164(raw, country)).toBeNull();
  });
});

describe('isEmergencyNumber', () => {
  it('V10 knows 911 and the 933 test line in the US, 112 in the EU, 999 and 112 in GB by default', () => {
    expect(isEmergencyNumber('911', defaultVoiceConfig)).toBe(true);
    expect(isEmergencyNumber('933', defaultVoiceConfig)).toBe(true);
    expect(isEmergencyNumber('112', defaultVoiceConfig, 'DE')).toBe(true);
    expect(isEmergencyNumber('112', defaultVoiceConfig, 'FR')).toBe(true);
    expect(isEmergencyNumber('999', defaultVoiceConfig, 'GB')).toBe(true);
    expect(isEmergencyNumber('112', defaultVoiceConfig, 'GB')).toBe(true);
  });

  it('V10 applies the emergency numbers of the country in question only', () => {
    expect(isEmergencyNumber('999', defaultVoiceConfig)).toBe(false);
    expect(isEmergencyNumber('911', defaultVoiceConfig, 'DE')).toBe(false);
    expect(isEmergencyNumber('+911', defaultVoiceConfig)).toBe(false);
    expect(isEmergencyNumber('9110', defaultVoiceConfig)).toBe(false);
  });

  it('V10 is configurable per country', () => {
    const config = withConfig({ defaultCountry: 'DE', emergencyNumbers: { DE: ['112', '110'] } });
    expect(isEmergencyNumber('110', config)).toBe(true);
    expect(isEmergencyNumber('911', config, 'US')).toBe(false);
  });
});

describe('isDialable', () => {
  it('V4 enables the Call control once a typed number is valid', () => {
    expect(isDialable('415', defaultVoiceConfig)).toBe(false);
    expect(isDialable('415 555', defaultVoiceConfig)).toBe(false);
    expect(isDialable('415 555 0134', defaultVoiceConfig)).toBe(true);
  });

  it('V10 emergency numbers are dialable although they are not E.164', () => {
    expect(isDialable('911', defaultVoiceConfig)).toBe(true);
    expect(isDialable('112', withConfig({ defaultCountry: 'NL' }))).toBe(true);
  });
});
