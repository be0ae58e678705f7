// V9: numbers typed or keyed by an agent, in national or international form, become E.164 ("+442079460018").
// National formats are known for the countries below; anything else can still be dialled in international form.

interface NationalPlan {
  callingCode: string;
  /** Digits dialled before a national number inside the country ("0" in most of Europe, "1" in NANP). */
  trunkPrefix: string | null;
  /** Whether national numbers must be written with the trunk prefix (so "2079460018" is not taken for London). */
  trunkRequired: boolean;
  /** The national significant number (after trunk prefix and country code). */
  pattern: RegExp;
  /** How international calls start when dialled from inside the country ("011" in NANP, "00" elsewhere). */
  internationalPrefix: string;
}

// NANP: area code and exchange start 2-9 and are never an N11 service code (411, 911).
const NANP = /^[2-9](?:[02-9]\d|1[02-9])[2-9](?:[02-9]\d|1[02-9])\d{4}$/;

const PLANS: Record<string, NationalPlan> = {
  US: { callingCode: '1', trunkPrefix: '1', trunkRequired: false, pattern: NANP, internationalPrefix: '011' },
  CA: { callingCode: '1', trunkPrefix: '1', trunkRequired: false, pattern: NANP, internationalPrefix: '011' },
  GB: {
    callingCode: '44',
    trunkPrefix: '0',
    trunkRequired: true,
    pattern: /^[1-9]\d{8,9}$/,
    internationalPrefix: '00'
  },
  DE: {
    callingCode: '49',
    trunkPrefix: '0',
    trunkRequired: true,
    pattern: /^[1-9]\d{5,12}$/,
    internationalPrefix: '00'
  },
  FR: { callingCode: '33', trunkPrefix: '0', trunkRequired: true, pattern: /^[1-9]\d{8}$/, internationalPrefix: '00' },
  ES: {
    callingCode: '34',
    trunkPrefix: null,
    trunkRequired: false,
    pattern: /^[6-9]\d{8}$/,
    internationalPrefix: '00'
  },
  NL: { callingCode: '31', trunkPrefix: '0', trunkRequired: true, pattern: /^[1-9]\d{8}$/, internationalPrefix: '00' },
  BE: {
    callingCode: '32',
    trunkPrefix: '0',
    trunkRequired: true,
    pattern: /^[1-9]\d{7,8}$/,
    internationalPrefix: '00'
  },
  IE: {
    callingCode: '353',
    trunkPrefix: '0',
    trunkRequired: true,
    pattern: /^[1-9]\d{6,8}$/,
    internationalPrefix: '00'
  },
  AT: {
    callingCode: '43',
    trunkPrefix: '0',
    trunkRequired: true,
    pattern: /^[1-9]\d{3,12}$/,
    internationalPrefix: '00'
  },
  CH: { callingCode: '41', trunkPrefix: '0', trunkRequired: true, pattern: /^[1-9]\d{8}$/, internationalPrefix: '00' },
  // Italy keeps its leading 0 in E.164 (+39 06 ...), so it has no trunk prefix to strip.
  IT: {
    callingCode: '39',
    trunkPrefix: null,
    trunkRequired: false,
    pattern: /^[03]\d{5,10}$/,
    internationalPrefix: '00'
  },
  PT: { callingCode: '351', trunkPrefix: null, trunkRequired: false, pattern: /^[29]\d{8}$/, internationalPrefix: '00' }
};

/** Country calling codes are a prefix code: at most one of these can start a given international number. */
const PLANS_BY_CALLING_CODE = new Map<string, NationalPlan>(
  Object.values(PLANS).map((plan) => [plan.callingCode, plan])
);

const E164_MAX_DIGITS = 15;
const E164_MIN_DIGITS = 7;
const MAX_INPUT_LENGTH = 40;
/** Digits with the separators people type or paste: spaces, dashes, dots, slashes, parentheses. */
const TYPED_NUMBER = /^\+?[\d\s\u00A0().\-/]+$/;

/** Country codes whose national formats are understood; other countries can be dialled internationally. */
export const COUNTRIES_WITH_NATIONAL_FORMAT = Object.keys(PLANS);

/** Digits of a typed number when it contains nothing but digits and separators, else null. */
export function digitsOf(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_INPUT_LENGTH || !TYPED_NUMBER.test(trimmed)) return null;
  return trimmed.replace(/\D/g, '');
}

/**
 * The E.164 form of a typed or keyed number, or null when it is not a valid phone number.
 * `defaultCountry` (ISO 3166 alpha-2) decides how national formats and the international prefix are read.
 */
export function normaliseToE164(raw: string, defaultCountry: string): string | null {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_INPUT_LENGTH || !TYPED_NUMBER.test(trimmed)) return null;
  if (trimmed.indexOf('+') > 0) return null;
  const home = PLANS[defaultCountry.toUpperCase()];
  if (trimmed.startsWith('+')) return international(withoutTrunkMarker(trimmed.slice(1)).replace(/\D/g, ''));
  const digits = trimmed.replace(/\D/g, '');
  const internationalPrefix = home?.internationalPrefix ?? '00';
  if (digits.startsWith(internationalPrefix)) {
    return international(withoutTrunkMarker(trimmed).replace(/\D/g, '').slice(internationalPrefix.length));
  }
  return home ? national(digits, home) : null;
}

/** "+44 (0)20 ..." writes the trunk prefix in brackets for people dialling at home; it is not part of E.164. */
function withoutTrunkMarker(text: string): string {
  return text.replace(/\(\s*0\s*\)/g, '');
}

function national(digits: string, plan: NationalPlan): string | null {
  let significant = digits;
  if (plan.trunkPrefix !== null && digits.startsWith(plan.trunkPrefix)) {
    significant = digits.slice(plan.trunkPrefix.length);
  } else if (plan.trunkRequired) {
    return null;
  }
  return plan.pattern.test(significant) ? `+${plan.callingCode}${significant}` : null;
}

function international(digits: string): string | null {
  if (digits.length === 0 || digits.startsWith('0')) return null;
  for (const length of [1, 2, 3]) {
    const plan = PLANS_BY_CALLING_CODE.get(digits.slice(0, length));
    if (!plan) continue;
    let significant = digits.slice(length);
    // People often keep the trunk 0 after the country code ("+49 030 ..."); E.164 never has it.
    if (plan.trunkPrefix === '0' && significant.startsWith('0')) significant = significant.slice(1);
    return plan.pattern.test(significant) ? `+${plan.callingCode}${significant}` : null;
  }
  return digits.length >= E164_MIN_DIGITS && digits.length <= E164_MAX_DIGITS ? `+${digits}` : null;
}
