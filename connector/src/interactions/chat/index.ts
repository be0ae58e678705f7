// Public surface of the chat machine.
export { chatMachine, chatTransition, chatAllowedCommands, type ChatEvent } from './machine';
export { offerChat, handoverOf, chatOfferSchema, chatHandoverSchema, type ChatOffer, type ChatHandover } from './offer';
export {
  chatCommandSchema,
  chatAttachmentSchema,
  transferTargetSchema,
  type ChatCommand,
  type ChatCommandName,
  type ChatAttachment
} from './commands';
export { chatProviderEventSchema, type ChatProviderEvent } from './events';
export {
  chatConfigSchema,
  chatAttachmentPolicySchema,
  defaultChatConfig,
  MAX_ATTACHMENT_BYTES,
  type ChatConfig,
  type ChatAttachmentPolicy
} from './config';
export type { ChatState, ConferenceMember, PendingTransfer, TransferTarget, WrapUpStep } from './state';
export { checkAttachment, extensionOf, mediaTypeOf } from './attachments';
export { httpPageUrl } from './pageUrl';
export type { ChatSystemEvent } from './transcript';
export { chatRejections } from './rejections';
