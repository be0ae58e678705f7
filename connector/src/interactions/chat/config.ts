// Chat settings. A chat keeps the settings in force when it was offered for its whole life (state.settings), so a
// change made by an admin mid-conversation never flips a rule under an agent's feet.
import { z } from 'zod';
import { pciConfigSchema } from '../pci/guard';

/** C5: the channel's hard limit; an admin may lower it, never raise it. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const DEFAULT_BLOCKED_EXTENSIONS = [
  'exe',
  'msi',
  'bat',
  'cmd',
  'com',
  'scr',
  'pif',
  'cpl',
  'dll',
  'jar',
  'js',
  'jse',
  'vbs',
  'vbe',
  'wsf',
  'ps1',
  'sh',
  'hta',
  'lnk',
  'reg',
  'iso'
];
export const DEFAULT_BLOCKED_CONTENT_TYPES = [
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-ms-installer',
  'application/x-msi',
  'application/x-sh',
  'application/x-bat',
  'application/java-archive',
  'application/javascript',
  'text/javascript',
  'application/x-iso9660-image'
];

export const chatAttachmentPolicySchema = z
  .object({
    /** Whether this chat channel carries files at all. */
    allowed: z.boolean().default(true),
    maxBytes: z.number().int().positive().max(MAX_ATTACHMENT_BYTES).default(MAX_ATTACHMENT_BYTES),
    /** File name extensions without the dot, compared case-insensitively. */
    blockedExtensions: z
      .array(z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'an extension without the dot'))
      .default(DEFAULT_BLOCKED_EXTENSIONS),
    /** MIME types, compared case-insensitively and without parameters (";charset=..."). */
    blockedContentTypes: z
      .array(z.string().regex(/^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/, 'a MIME type such as application/zip'))
      .default(DEFAULT_BLOCKED_CONTENT_TYPES)
  })
  .strict();
export type ChatAttachmentPolicy = z.infer<typeof chatAttachmentPolicySchema>;

export const chatConfigSchema = z
  .object({
    /** A4: how long an offer rings before it goes back to its queue. */
    offerTimeoutMs: z.number().int().min(1_000).max(600_000).default(30_000),
    /** After-chat work limit: when it runs out the chat is finished as it stands. null = no limit. */
    wrapUpTimeoutMs: z.number().int().min(1_000).max(86_400_000).nullable().default(null),
    /** C6. */
    pci: pciConfigSchema.prefault({ mode: 'redact' }),
    /** C5. */
    attachments: chatAttachmentPolicySchema.prefault({}),
    /** C14: Done stays disabled until at least one disposition (wrap-up reason) is chosen. */
    dispositionRequired: z.boolean().default(false),
    /** C17: Done asks for a follow-up queue. An empty queue list accepts any queue the panel offers. */
    followUp: z
      .object({
        enabled: z.boolean().default(false),
        queueIds: z.array(z.string().min(1).max(80)).default([])
      })
      .strict()
      .prefault({}),
    /** C9: invited agents at most (the owner not counted). */
    maxConferenceAgents: z.number().int().min(1).max(10).default(3)
  })
  .strict();
export type ChatConfig = z.infer<typeof chatConfigSchema>;

/** The settings with every default, e.g. for tests and the simulator. */
export const defaultChatConfig = (): ChatConfig => chatConfigSchema.parse({});
