// C8: transfer the chat to a queue, an agent or a supervisor (each agent with live presence, kept current by the
// agents directory's deltas). The button is the snapshot's `transfer` command (disabled with its reason); it opens
// c-target-picker, whose choice goes up as `command {command: 'transfer', interactionId, args: {target}}`. A transfer
// waiting for the receiver is shown until they answer.
//
// @api chat     the snapshot's chat interaction (commands, pendingTransfer)
// @api agents   agents directory rows;  @api queues  queues directory rows;  @api selfId  the agent's own id
import { LightningElement, api } from 'lwc';
import type { AgentEntry, ChatInteraction, CommandAvailability, QueuesDirectory } from 'c/connectorProtocol';
import { formatLabel } from 'c/utilityBadge';
import LABEL_TRANSFER from '@salesforce/label/c.ChatPanel_Transfer';
import LABEL_PENDING from '@salesforce/label/c.ChatPanel_TransferPending';

export default class ChatTransfer extends LightningElement {
  @api chat: ChatInteraction | null = null;
  @api agents: AgentEntry[] = [];
  @api queues: QueuesDirectory['queues'] = [];
  @api selfId: string | null = null;

  open = false;
  readonly labels = { transfer: LABEL_TRANSFER };
  readonly kinds = ['agent', 'queue'];

  get availability(): CommandAvailability | null {
    return this.chat?.commands.find((c) => c.command === 'transfer') ?? null;
  }

  get disabled(): boolean {
    return !this.availability?.enabled;
  }

  /** The guest of a conference sees no Transfer: it is the owner's. */
  get shown(): boolean {
    return this.availability?.reason !== 'NOT_OWNER';
  }

  get expanded(): string {
    return String(this.open && !this.disabled);
  }

  get showPicker(): boolean {
    return this.open && !this.disabled;
  }

  /** Where a waiting transfer goes, by name. */
  get pending(): string | null {
    const target = this.chat?.pendingTransfer?.target;
    if (!target) return null;
    const name =
      target.kind === 'queue'
        ? ((this.queues ?? []).find((q) => q.id === target.queueId)?.name ?? target.queueId)
        : ((this.agents ?? []).find((a) => a.agentId === target.agentId)?.name ?? target.agentId);
    return formatLabel(LABEL_PENDING, name);
  }

  handleToggle(): void {
    this.open = !this.open;
  }

  handleSelect(event: CustomEvent<{ target: unknown }>): void {
    event.stopPropagation();
    this.open = false;
    if (!this.chat || this.disabled) return;
    this.dispatchEvent(
      new CustomEvent('command', {
        detail: { command: 'transfer', interactionId: this.chat.id, args: { target: event.detail.target } }
      })
    );
  }
}
