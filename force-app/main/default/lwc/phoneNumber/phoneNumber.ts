// V9, V10: the E.164 form the keypad shows before dialling, by the same rules as the connector's normaliser
// (connector/src/interactions/voice/numbers.ts; connector/src/__tests__/phoneNumber.test.ts proves they agree on a
// table of inputs). The connector stays the authority: it normalises again and refuses INVALID_NUMBER.
//
// Exports:
//   normalise(raw, defaultCountry)                -> '+14155550123' | null (not a phone number)
//   isEmergency(raw, emergencyNumbers)            -> true for a configured short code dialled as typed ('911')
//   dialString(raw, defaultCountry, emergencyNumbers) -> what would be dialled: the emergency code, else E.164, else null

interface NationalPlan {
  callingCode: string;
  /** Digits dialled before a national number inside the country ("0" in most of Europe, "1" in NANP). */
  trunkPrefix: string | null;
  /** Whether national numbers must be written with the trunk prefix. */
  trunkRequired: boolean;
  /** The national significant number (after trunk prefix and country code). */
  pattern: RegExp;
  /** How international calls start when dialled from inside the country. */
  internationalPrefix: string;
}

// NANP: area code and exchange start 2-9 and are never an N11 service code (411, 911).
const NANP = /^[2-9](?:[02-9]\d|1[02-9])[2-9](?:[02-9]\d|1[02-9])\d{4}$/;

const plan = (
  callingCode: string,
  trunkPrefix: string | null,
  trunkRequired: boolean,
  pattern: RegExp,
  internationalPrefix = '00'
): NationalPlan => ({ callingCode, trunkPrefix, trunkRequired, pattern, internationalPrefix });

const PLANS: { [country: string]: NationalPlan } = {
  US: plan('1', '1', false, NANP, '011'),
  CA: plan('1', '1', false, NANP, '011'),
  GB: plan('44', '0', true, /^[1-9]\d{8,9}$/),
  DE: plan('49', '0', true, /^[1-9]\d{5,12}$/),
  FR: plan('33', '0', true, /^[1-9]\d{8}$/),
  ES: plan('34', null, false, /^[6-9]\d{8}$/),
  NL: plan('31', '0', true, /^[1-9]\d{8}$/),
  BE: plan('32', '0', true, /^[1-9]\d{7,8}$/),
  IE: plan('353', '0', true, /^[1-9]\d{6,8}$/),
  AT: plan('43', '0', true, /^[1-9]\d{3,12}$/),
  CH: plan('41', '0', true, /^[1-9]\d{8}$/),
  // Italy keeps its leading 0 in E.164 (+39 06 ...), so it has no trunk prefix to strip.
  IT: plan('39', null, false, /^[03]\d{5,10}$/),
  PT: plan('351', null, false, /^[29]\d{8}$/)
};

/** Country calling codes are a prefix code: at most one of these can start a given international number. */
const PLANS_BY_CALLING_CODE: { [callingCode: string]: NationalPlan } = {};
for (const found of Object.values(PLANS)) PLANS_BY_CALLING_CODE[found.callingCode] = found;

const E164_MAX_DIGITS = 15;
const E164_MIN_DIGITS = 7;
const MAX_INPUT_LENGTH = 40;
/** Digits with the separators people type or paste: spaces, dashes, dots, slashes, parentheses. */
const TYPED_NUMBER = /^\+?[\d\s\u00A0().\-/]+$/;

/** Countries whose national formats are understood; other numbers can still be dialled in international form. */
export const COUNTRIES_WITH_NATIONAL_FORMAT = Object.keys(PLANS);

/** The digits of a typed number when it holds nothing but digits and separators, else null. */
export function digitsOf(raw: string): string | null {
  const trimmed = (raw ?? '').trim();
  if (trimmed.length === 0 || trimmed.length > MAX_INPUT_LENGTH || !TYPED_NUMBER.test(trimmed)) return null;
  return trimmed.replace(/\D/g, '');
}

/** The E.164 form of a typed or keyed number, or null when it is not a valid phone number. */
export function normalise(raw: string, defaultCountry: string): string | null {
  const trimmed = (raw ?? '').trim();
  if (trimmed.length === 0 || trimmed.length > MAX_INPUT_LENGTH || !TYPED_NUMBER.test(trimmed)) return null;
  if (trimmed.indexOf('+') > 0) return null;
  const home = PLANS[(defaultCountry ?? '').toUpperCase()] as NationalPlan | undefined;
  if (trimmed.startsWith('+')) return international(withoutTrunkMarker(trimmed.slice(1)).replace(/\D/g, ''));
  const digits = trimmed.replace(/\D/g, '');
  const internationalPrefix = home?.internationalPrefix ?? '00';
  if (digits.startsWith(internationalPrefix)) {
    return international(withoutTrunkMarker(trimmed).replace(/\D/g, '').slice(internationalPrefix.length));
  }
  return home ? national(digits, home) : null;
}

/** V10: one of the agent's emergency numbers, dialled as a short code ("+911" is an international number). */
export function isEmergency(raw: string, emergencyNumbers: readonly string[] | null | undefined): boolean {
  if ((raw ?? '').trim().startsWith('+')) return false;
  const digits = digitsOf(raw);
  return digits !== null && (emergencyNumbers ?? []).includes(digits);
}

/** What would be dialled: the emergency short code as typed, otherwise E.164; null when it cannot be dialled. */
export function dialString(
  raw: string,
  defaultCountry: string,
  emergencyNumbers?: readonly string[] | null
): string | null {
  if (isEmergency(raw, emergencyNumbers)) return digitsOf(raw);
  return normalise(raw, defaultCountry);
}

/** "+44 (0)20 ..." writes the trunk prefix in brackets for people dialling at home; it is not part of E.164. */
function withoutTrunkMarker(text: string): string {
  return text.replace(/\(\s*0\s*\)/g, '');
}

function national(digits: string, home: NationalPlan): string | null {
  let significant = digits;
  if (home.trunkPrefix !== null && digits.startsWith(home.trunkPrefix)) {
    significant = digits.slice(home.trunkPrefix.length);
  } else if (home.trunkRequired) {
    return null;
  }
  return home.pattern.test(significant) ? `+${home.callingCode}${significant}` : null;
}

function international(digits: string): string | null {
  if (digits.length === 0 || digits.startsWith('0')) return null;
  for (const length of [1, 2, 3]) {
    const found = PLANS_BY_CALLING_CODE[digits.slice(0, length)] as NationalPlan | undefined;
    if (!found) continue;
    let significant = digits.slice(length);
    // People often keep the trunk 0 after the country code ("+49 030 ..."); E.164 never has it.
    if (found.trunkPrefix === '0' && significant.startsWith('0')) significant = significant.slice(1);
    return found.pattern.test(significant) ? `+${found.callingCode}${significant}` : null;
  }
  return digits.length >= E164_MIN_DIGITS && digits.length <= E164_MAX_DIGITS ? `+${digits}` : null;
}
