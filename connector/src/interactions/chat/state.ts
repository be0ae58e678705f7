// The state of one chat as one agent's desk sees it (the owner's; invited agents are listed in `conference`).
import type { InteractionCore } from '../kernel/machine';
import type { Instant } from '../kernel/types';
import type { ChatConfig } from './config';

/** C9: an agent invited into the chat by its owner. */
export interface ConferenceMember {
  agentId: string;
  /** Known once the agent accepts (the provider's event names them). */
  agentName: string | null;
  state: 'Requested' | 'Active';
  invitedAt: Instant;
  joinedAt: Instant | null;
}

/** C8: where the owner asked to hand the chat; the owner keeps it until the receiving agent accepts. */
export type TransferTarget =
  { kind: 'queue'; queueId: string } | { kind: 'agent'; agentId: string } | { kind: 'supervisor'; agentId: string };

export interface PendingTransfer {
  target: TransferTarget;
  requestedAt: Instant;
}

/** Within wrap-up: editing the wrap-up (C10), or Done was pressed and the follow-up queue is asked for (C17). */
export type WrapUpStep = 'editing' | 'followUp';

export interface ChatState extends InteractionCore {
  channel: 'chat';
  /** A chat is always pushed to one agent, so it always has an owner (the offered agent until accept). */
  ownerAgentId: string;
  /** The owner's display name, for agent lines (C4) and "agent left"; null until accepted. */
  ownerName: string | null;
  conference: ConferenceMember[];
  pendingTransfer: PendingTransfer | null;
  /** C13: e-mail the transcript to the customer when the chat is done. */
  emailTranscript: boolean;
  /** Set while lifecycle is 'wrapUp', null otherwise. */
  wrapUpStep: WrapUpStep | null;
  /** Who ended the conversation (C10, C15); null while it runs. */
  endedBy: 'agent' | 'customer' | 'salesforce' | null;
  /** Where the chat went when closed as 'transferred' (C8) or 'parked' (C17). */
  handedTo: { kind: 'agent'; agentId: string; agentName: string } | { kind: 'queue'; queueId: string } | null;
  /** S4: the work item of the agent who transferred the chat here; null: this chat's own (its id). */
  workItemKey: string | null;
  /** The settings in force when the chat was offered. */
  settings: ChatConfig;
}
