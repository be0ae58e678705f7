// V4, V10: may this number be called, and is it an emergency number that must never be blocked?
import type { VoiceConfig } from './config';
import { digitsOf, normaliseToE164 } from './numbers';

export type NumberPlanConfig = Pick<VoiceConfig, 'defaultCountry' | 'emergencyNumbers'>;

/**
 * V10: whether `raw` is one of the emergency numbers configured for `country` (the agent's, else the default).
 * Emergency numbers are short codes dialled as they are; a "+" in front makes them an international number instead.
 */
export function isEmergencyNumber(raw: string, config: NumberPlanConfig, country = config.defaultCountry): boolean {
  if (raw.trim().startsWith('+')) return false;
  const digits = digitsOf(raw);
  if (digits === null) return false;
  return (config.emergencyNumbers[country] ?? []).includes(digits);
}

/** V4/V9: the Call control enables once this is true: an emergency number or a number that normalises to E.164. */
export function isDialable(raw: string, config: NumberPlanConfig, country = config.defaultCountry): boolean {
  return isEmergencyNumber(raw, config, country) || normaliseToE164(raw, country) !== null;
}

/** What is actually dialled: the emergency short code as typed, otherwise E.164; null when not dialable. */
export function dialString(raw: string, config: NumberPlanConfig, country = config.defaultCountry): string | null {
  if (isEmergencyNumber(raw, config, country)) return digitsOf(raw);
  return normaliseToE164(raw, country);
}
