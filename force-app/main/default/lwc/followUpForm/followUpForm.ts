// C17: Done asked for a follow-up (the chat's `wrapUpStep` is `followUp`). The agent chooses the queue the finished
// chat is parked in and confirms (`followUpConfirm {queueId}`), or Stop ends it without follow-up (`followUpStop`),
// or Cancel goes back to the wrap-up (`followUpCancel`: notes and the transcript option stay editable, Done must be
// pressed again). Each button is the snapshot's command, disabled with its reason.
//
// @api chat      the snapshot's chat interaction
// @api queues    queues directory rows
// @api queueIds  the channelSettings directory's chat.followUp.queueIds (empty: any chat queue)
// Fires `command`.
import { LightningElement, api } from 'lwc';
import type { ChatInteraction, CommandAvailability, QueuesDirectory } from 'c/connectorProtocol';
import { repeatedReasons } from 'c/commandButton';
import LABEL_QUESTION from '@salesforce/label/c.FollowUp_Question';
import LABEL_QUEUE from '@salesforce/label/c.FollowUp_Queue';
import LABEL_CONFIRM from '@salesforce/label/c.FollowUp_Confirm';
import LABEL_STOP from '@salesforce/label/c.FollowUp_Stop';
import LABEL_CANCEL from '@salesforce/label/c.FollowUp_Cancel';

const COMMANDS = ['followUpConfirm', 'followUpStop', 'followUpCancel'];

export default class FollowUpForm extends LightningElement {
  @api chat: ChatInteraction | null = null;
  @api queues: QueuesDirectory['queues'] = [];
  @api queueIds: string[] = [];

  chosen: string | null = null;
  readonly labels = {
    question: LABEL_QUESTION,
    queue: LABEL_QUEUE,
    confirm: LABEL_CONFIRM,
    stop: LABEL_STOP,
    cancel: LABEL_CANCEL
  };

  get choices(): { id: string; name: string; selected: boolean }[] {
    const allowed = this.queueIds ?? [];
    return (this.queues ?? [])
      .filter((q) => (allowed.length > 0 ? allowed.includes(q.id) : (q.channels as string[]).includes('chat')))
      .map((q) => ({ id: q.id, name: q.name, selected: q.id === this.queueId }));
  }

  get queueId(): string | null {
    return this.chosen ?? this.chat?.queueId ?? null;
  }

  /** The three commands; they usually share their reason, which is then shown once (and said for each). */
  private controls(): { availability: CommandAvailability | null; quiet: boolean }[] {
    const availabilities = COMMANDS.map((command) => this.chat?.commands.find((c) => c.command === command) ?? null);
    const quiet = repeatedReasons(availabilities);
    return availabilities.map((availability, index) => ({ availability, quiet: quiet[index]! }));
  }

  /** Confirm also waits for a queue it may park the chat in. */
  get confirm(): { availability: CommandAvailability | null; noQueue: boolean; disabled: boolean } {
    const { availability } = this.controls()[0]!;
    const noQueue = !this.choices.some((c) => c.id === this.queueId);
    return { availability, noQueue, disabled: !availability?.enabled || noQueue };
  }

  get stop(): { availability: CommandAvailability | null; quiet: boolean } {
    return this.controls()[1]!;
  }

  get cancel(): { availability: CommandAvailability | null; quiet: boolean } {
    return this.controls()[2]!;
  }

  handleQueue(event: Event): void {
    this.chosen = (event.target as HTMLSelectElement).value;
  }

  handleConfirm(): void {
    if (this.confirm.disabled || !this.queueId) return;
    this.send('followUpConfirm', { queueId: this.queueId });
  }

  handleStop(): void {
    if (this.stop.availability?.enabled) this.send('followUpStop');
  }

  handleCancel(): void {
    if (this.cancel.availability?.enabled) this.send('followUpCancel');
  }

  private send(command: string, args?: Record<string, unknown>): void {
    if (!this.chat) return;
    this.dispatchEvent(
      new CustomEvent('command', { detail: { command, interactionId: this.chat.id, ...(args ? { args } : {}) } })
    );
  }
}
