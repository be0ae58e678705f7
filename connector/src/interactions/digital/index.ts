// The digital machine (D1–D14): e-mail, SMS, WhatsApp, Facebook Messenger, Instagram and X direct messages.
export { createDigitalMachine, type DigitalEvent, type DigitalMachine } from './machine';
export { receiveInbound, startOutbound } from './create';
export { toInboxItem } from './inboxItem';
export {
  DIGITAL_COMMANDS,
  detailsPatchSchema,
  digitalAttachmentSchema,
  digitalCommandSchema,
  type DetailsPatch,
  type DigitalAttachment,
  type DigitalCommand,
  type DigitalCommandName
} from './commands';
export {
  digitalProviderEventSchema,
  inboundMessageSchema,
  type DigitalProviderEvent,
  type InboundMessage
} from './events';
export { outboundGuard, outboundMessageSchema, type AgentContext, type OutboundMessage } from './outbound';
export {
  defaultDigitalConfig,
  digitalConfigSchema,
  digitalQueueSchema,
  senderChannelSchema,
  type DigitalConfig,
  type DigitalQueue,
  type SenderChannel
} from './config';
export {
  CHANNEL_LABEL,
  DEFAULT_CAPABILITIES,
  DIGITAL_ID_KIND,
  MAX_ATTACHMENT_BYTES,
  type ChannelCapability,
  type DigitalIdKind
} from './channels';
export type { DigitalState, DigitalStatus } from './state';
export type { DigitalSystemEvent } from './messages';
export { digitalRejections } from './rejections';
