// Pure builders of the directory documents: configuration and catalogue in, the documents panels render out.
import type { DirectoryDocuments } from '../api/schema';
import type { AgentProfile } from '../engine/directory';
import { DIGITAL_CHANNELS, type Channel, type DigitalChannel } from '../interactions/kernel/types';
import type { CoreConfig } from '../interactions/registry';
import { attachmentRulesOf, isDispositionRequired, isOutboundEmailMember } from '../interactions/digital/config';
import type { Catalog } from './catalog';

export type SharedDirectory = 'queues' | 'addressBook' | 'reasonCodes' | 'wrapUpCodes' | 'channelSettings';
export type PersonalDirectory = 'emergencyNumbers' | 'outboundSkills' | 'senders';

export function sharedDocuments(
  config: CoreConfig,
  catalog: Catalog
): { [K in SharedDirectory]: DirectoryDocuments[K] } {
  const { voice, chat, digital, desk } = config;
  const interruptible = new Set<string>(desk.interruptibleByCall);
  const digitalSettings = (
    channel: DigitalChannel
  ): DirectoryDocuments['channelSettings']['digital'][DigitalChannel] => {
    const capability = digital.capabilities[channel];
    const rules = attachmentRulesOf(digital, channel);
    return {
      dispositionRequired: isDispositionRequired(digital, channel),
      interruptibleByCall: interruptible.has(channel),
      attachments: {
        allowed: capability.attachments,
        maxBytes: capability.attachments ? rules.maxBytes : 0,
        blockedExtensions: [...rules.blockedExtensions],
        blockedContentTypes: []
      },
      emoji: capability.emoji,
      maxTextLength: capability.maxTextLength
    };
  };
  const requiredOn: Channel[] = [
    ...(voice.requireDisposition ? (['voice'] as const) : []),
    ...(chat.dispositionRequired ? (['chat'] as const) : []),
    ...DIGITAL_CHANNELS.filter((channel) => isDispositionRequired(digital, channel))
  ];
  return {
    queues: {
      queues: catalog.queues.map((q) => ({
        id: q.id,
        name: q.name,
        channels: [...q.channels],
        digitalTransfers: q.digitalTransfers && q.channels.some((c) => c !== 'voice' && c !== 'chat'),
        outboundEmail: q.outboundEmail
      }))
    },
    addressBook: {
      entries: catalog.addressBook.map((e) => ({
        id: e.id,
        name: e.name,
        description: e.description,
        numbers: e.numbers.map((n) => ({ ...n }))
      }))
    },
    reasonCodes: {
      busyReasons: desk.presence.busyReasons.map((code) => ({ code, label: catalog.busyReasonLabels[code] ?? code }))
    },
    wrapUpCodes: {
      codes: catalog.wrapUpCodes.map((c) => ({ ...c, channels: [...c.channels], queueIds: [...c.queueIds] })),
      requiredOn
    },
    channelSettings: {
      pciMode: chat.pci.mode,
      voice: {
        offerTimeoutMs: voice.offerTimeoutMs,
        dispositionRequired: voice.requireDisposition,
        transcriptSides: voice.liveTranscript.sides,
        maxConferenceParties: voice.maxConferenceParties
      },
      chat: {
        offerTimeoutMs: chat.offerTimeoutMs,
        dispositionRequired: chat.dispositionRequired,
        interruptibleByCall: interruptible.has('chat'),
        attachments: {
          allowed: chat.attachments.allowed,
          maxBytes: chat.attachments.allowed ? chat.attachments.maxBytes : 0,
          blockedExtensions: [...chat.attachments.blockedExtensions],
          blockedContentTypes: [...chat.attachments.blockedContentTypes]
        },
        followUp: { enabled: chat.followUp.enabled, queueIds: [...chat.followUp.queueIds] },
        maxConferenceAgents: chat.maxConferenceAgents
      },
      digital: {
        email: digitalSettings('email'),
        sms: digitalSettings('sms'),
        whatsapp: digitalSettings('whatsapp'),
        messenger: digitalSettings('messenger'),
        instagram: digitalSettings('instagram'),
        x: digitalSettings('x')
      }
    }
  };
}

export function personalDocuments(
  config: CoreConfig,
  profile: AgentProfile
): { [K in PersonalDirectory]: DirectoryDocuments[K] } {
  const country = profile.country ?? config.voice.defaultCountry;
  const mayEmail = isOutboundEmailMember(config.digital, profile.agentId);
  return {
    emergencyNumbers: { country, numbers: [...(config.voice.emergencyNumbers[country] ?? [])] },
    outboundSkills: {
      skills: profile.outboundSkills.map((s) => ({ id: s.id, name: s.name })),
      choiceRequired: profile.outboundSkills.length > 1
    },
    senders: {
      senders: config.digital.senders
        .filter((s) => s.channel !== 'email' || mayEmail)
        .map((s) => ({ id: s.id, channel: s.channel, address: s.address, label: s.label }))
    }
  };
}

/** C7: the languages Quick Texts are kept in; anything else is shown the English ones. */
export const QUICK_TEXT_LANGUAGES = ['en', 'de', 'es', 'fr', 'nl'] as const;
export type QuickTextLanguage = (typeof QUICK_TEXT_LANGUAGES)[number];

export function quickTextLanguageOf(language: string | undefined): QuickTextLanguage {
  const two = (language ?? 'en').slice(0, 2).toLowerCase();
  return (QUICK_TEXT_LANGUAGES as readonly string[]).includes(two) ? (two as QuickTextLanguage) : 'en';
}
