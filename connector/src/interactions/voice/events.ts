// What the telephony provider reports: the offer that creates a call, and the events of an existing call.
import { z } from 'zod';
import { externalId as id, salesforceId } from './ids';

const interactionId = id;

/** Creates an interaction (inbound or callback) offered to one agent; see offerCall. */
export const callOfferSchema = z.object({
  type: z.literal('callOffered'),
  interactionId,
  providerCallId: id,
  direction: z.enum(['inbound', 'callback']),
  /** The caller's number as the network gave it; null or absent when withheld. */
  number: z.string().max(40).nullable().default(null),
  /** The agent the routing chose. */
  agentId: id,
  queueId: id,
  queueName: z.string().max(255).nullable().default(null),
  /** A contact the provider already matched (e.g. from IVR data); screen pop still runs (S6). */
  contact: z
    .object({ id: salesforceId, name: z.string().max(255).nullable() })
    .nullable()
    .default(null),
  customerName: z.string().max(255).nullable().default(null),
  /** When the caller entered the queue; defaults to the offer instant. */
  waitingSince: z.number().int().nonnegative().nullable().default(null),
  /** Queue-level recording that starts with the call. */
  recording: z.boolean().default(false)
});
export type CallOffer = z.infer<typeof callOfferSchema>;

export const voiceProviderEventSchema = z.discriminatedUnion('type', [
  /** Outbound or callback: the customer answered. */
  z.object({ type: z.literal('callConnected'), interactionId, providerCallId: id.optional() }),
  /** Outbound or callback: the customer could not be reached. */
  z.object({
    type: z.literal('dialFailed'),
    interactionId,
    reason: z.enum(['busy', 'noAnswer', 'invalidNumber', 'rejected', 'failed'])
  }),
  z.object({ type: z.literal('customerHungUp'), interactionId }),
  /** The consulted party answered; participantId names their leg for the conference. */
  z.object({ type: z.literal('consultConnected'), interactionId, participantId: id }),
  z.object({
    type: z.literal('consultFailed'),
    interactionId,
    reason: z.enum(['busy', 'noAnswer', 'invalidNumber', 'rejected', 'failed'])
  }),
  /** The consulted party hung up before a merge or transfer. */
  z.object({ type: z.literal('consultHungUp'), interactionId }),
  /** A conference party (not the customer) left. */
  z.object({ type: z.literal('conferencePartyLeft'), interactionId, participantId: id }),
  /** A blind transfer reached its target; the agent's part is over. */
  z.object({ type: z.literal('transferCompleted'), interactionId }),
  z.object({
    type: z.literal('transferFailed'),
    interactionId,
    reason: z.enum(['busy', 'noAnswer', 'invalidNumber', 'rejected', 'failed'])
  }),
  /** V14: speech-to-text of one utterance; a later segment with the same id replaces an interim one. */
  z.object({
    type: z.literal('transcriptSegment'),
    interactionId,
    segmentId: id,
    side: z.enum(['agent', 'customer']),
    text: z.string().max(5_000),
    final: z.boolean().default(true)
  }),
  z.object({ type: z.literal('recordingFailed'), interactionId }),
  /** C15/S3: the work item was closed in Salesforce; the call ends with it. */
  z.object({ type: z.literal('workItemClosed'), interactionId })
]);

export type VoiceProviderEvent = z.infer<typeof voiceProviderEventSchema>;
