// Public surface of the voice machine.
export { createVoiceMachine, voiceMachine, type VoiceEvent, type VoiceMachine } from './machine';
export { offerCall } from './offer';
export { dialCall, dialInputSchema, type AgentContext, type DialInput } from './dial';
export {
  voiceCommandSchema,
  callDetailsPatchSchema,
  VOICE_COMMANDS,
  type VoiceCommand,
  type VoiceCommandName,
  type CallDetailsPatch
} from './commands';
export { callOfferSchema, voiceProviderEventSchema, type CallOffer, type VoiceProviderEvent } from './events';
export { callTargetSchema, type CallTarget } from './targets';
export {
  voiceConfigSchema,
  parseVoiceConfig,
  defaultVoiceConfig,
  DEFAULT_EMERGENCY_NUMBERS,
  type VoiceConfig
} from './config';
export {
  NEVER_STORED_VOICE_FIELDS,
  isConference,
  type VoiceState,
  type CallState,
  type ConsultLeg,
  type ConferenceParty,
  type LiveSegment
} from './state';
export { normaliseToE164, COUNTRIES_WITH_NATIONAL_FORMAT } from './numbers';
export { isDialable, isEmergencyNumber, dialString } from './dialable';
export { voiceRejections } from './rejections';
