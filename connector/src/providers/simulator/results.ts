// What a customer action returns: a value, or a typed refusal with a stable code and a sentence.
export type SimErrorCode =
  | 'UNKNOWN_INTERACTION'
  | 'WRONG_CHANNEL'
  | 'INTERACTION_ENDED'
  | 'UNKNOWN_QUEUE'
  | 'QUEUE_CHANNEL_MISMATCH'
  | 'SIMULATOR_NOT_STARTED';

export interface SimError {
  /** One of SimErrorCode, or the engine's own refusal code (e.g. INVALID_INPUT, CHAT_CONVERSATION_ENDED). */
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
}

export type SimResult<T> = { ok: true; value: T } | { ok: false; error: SimError };

const SENTENCES: Record<SimErrorCode, string> = {
  UNKNOWN_INTERACTION: 'There is no such interaction.',
  WRONG_CHANNEL: 'This interaction is on another channel; use the endpoint for its channel.',
  INTERACTION_ENDED: 'This interaction has already ended for the customer.',
  UNKNOWN_QUEUE: 'There is no such queue; GET /customer/queues lists them.',
  QUEUE_CHANNEL_MISMATCH: 'This queue does not take this channel; GET /customer/queues lists what each takes.',
  SIMULATOR_NOT_STARTED: 'The simulator is not running yet; try again in a moment.'
};

export const failure = (code: SimErrorCode): { ok: false; error: SimError } => ({
  ok: false,
  error: { code, message: SENTENCES[code] }
});

export const success = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
