// What each digital channel can carry (D7) and what its customer id is called (D5).
import type { DigitalChannel } from '../kernel/types';

/** D7: the per-attachment limit of every channel. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface ChannelCapability {
  attachments: boolean;
  emoji: boolean;
  /** Longest text the channel delivers in one message. */
  maxTextLength: number;
}

/**
 * Defaults an admin may override per channel (config.capabilities). SMS carries no files (MMS is not offered) and no
 * emoji: one emoji switches the whole message to UCS-2, 70 characters per segment instead of 160, and some carriers
 * mangle them. Text limits are the vendors' (concatenated SMS: 10 segments).
 */
export const DEFAULT_CAPABILITIES: Record<DigitalChannel, ChannelCapability> = {
  email: { attachments: true, emoji: true, maxTextLength: 100_000 },
  sms: { attachments: false, emoji: false, maxTextLength: 1_600 },
  whatsapp: { attachments: true, emoji: true, maxTextLength: 4_096 },
  messenger: { attachments: true, emoji: true, maxTextLength: 2_000 },
  instagram: { attachments: true, emoji: true, maxTextLength: 1_000 },
  x: { attachments: true, emoji: true, maxTextLength: 10_000 }
};

/** D5: the name of the customer's id on each channel; the panel shows the matching Custom Label. */
export type DigitalIdKind = 'emailAddress' | 'smsNumber' | 'whatsappNumber' | 'messengerId' | 'instagramId' | 'xId';

export const DIGITAL_ID_KIND: Record<DigitalChannel, DigitalIdKind> = {
  email: 'emailAddress',
  sms: 'smsNumber',
  whatsapp: 'whatsappNumber',
  messenger: 'messengerId',
  instagram: 'instagramId',
  x: 'xId'
};

/** Used in Task subjects, which Salesforce shows as plain text. */
export const CHANNEL_LABEL: Record<DigitalChannel, string> = {
  email: 'E-mail',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  messenger: 'Facebook Messenger',
  instagram: 'Instagram',
  x: 'X'
};

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether `address` has the shape of the channel's customer id (numbers in E.164, e-mail addresses). */
export function isDigitalIdOf(channel: DigitalChannel, address: string): boolean {
  switch (channel) {
    case 'email':
      return EMAIL.test(address);
    case 'sms':
    case 'whatsapp':
      return E164.test(address);
    default:
      return address.trim().length > 0;
  }
}

/** "+44 (20) 7946-0018" or "0044 20 7946 0018" -> "+442079460018"; national numbers without a prefix stay as typed. */
export function normalisePhoneNumber(raw: string): string {
  const compact = raw.replace(/[\s().-]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

/** Emoji shown as pictures: presentation emoji, or a text symbol turned into one with the variation selector. */
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;

export const containsEmoji = (text: string): boolean => EMOJI.test(text);
