// Settings of the voice machine, validated once at start-up; every field has a sensible default.
import { z } from 'zod';
import { parseWith, type Parsed } from '../kernel/parse';
import { pciConfigSchema } from '../pci/guard';

const EU_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE'
] as const;

/** V10 defaults: 911 and the 933 test line in North America, 112 across the EU, 999 and 112 in the UK and Ireland. */
export const DEFAULT_EMERGENCY_NUMBERS: Record<string, string[]> = {
  US: ['911', '933'],
  CA: ['911'],
  GB: ['999', '112'],
  IE: ['112', '999'],
  ...Object.fromEntries(EU_COUNTRIES.map((country) => [country, ['112']]))
};

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code such as "US"');

export const voiceConfigSchema = z.object({
  /** How long an offer rings before it goes back to its queue (A4). */
  offerTimeoutMs: z.number().int().min(1_000).max(600_000).default(20_000),
  /** Wrap-up finishes by itself after this long; null lets the agent take the time they need. */
  wrapUpTimeoutMs: z.number().int().min(1_000).max(3_600_000).nullable().default(null),
  /** C14 for voice: Done stays disabled until a disposition is chosen. */
  requireDisposition: z.boolean().default(false),
  /** How national numbers are read (V9) and whose emergency numbers apply (V10) unless the agent has their own. */
  defaultCountry: countryCode.default('US'),
  emergencyNumbers: z
    .record(countryCode, z.array(z.string().regex(/^\d{2,6}$/, 'digits only, 2 to 6 of them')).max(20))
    .default(DEFAULT_EMERGENCY_NUMBERS),
  /** Parties besides the agent and the customer a conference may hold (V6). */
  maxConferenceParties: z.number().int().min(1).max(20).default(5),
  liveTranscript: z
    .object({
      /** V14: which side of the conversation the agent sees; 'none' hides the live transcript. */
      sides: z.enum(['none', 'agent', 'customer', 'both']).default('both'),
      /** Oldest segments give way beyond this many, to keep snapshots small. */
      maxSegments: z.number().int().min(1).max(2_000).default(200)
    })
    .prefault({}),
  pci: pciConfigSchema.prefault({ mode: 'redact' })
});

export type VoiceConfig = z.infer<typeof voiceConfigSchema>;

export function parseVoiceConfig(input: unknown): Parsed<VoiceConfig> {
  return parseWith(voiceConfigSchema, input);
}

/** Every default, for tests and for a connector started without voice settings. */
export const defaultVoiceConfig: VoiceConfig = voiceConfigSchema.parse({});
