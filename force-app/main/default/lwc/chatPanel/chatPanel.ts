// The Chat tab: every chat on the agent's desk. An offer shows as its offer card (C1, with the bot's transcript below,
// C2); a chat as its conversation (files C5, pushed pages C11, numbers to call C12), the message box (C4, files C5,
// Quick Text C7), Open page (C11), Transfer (C8), the conference (C9), End (C10), and the customer's details (V13,
// C12, C16, D6). In wrap-up: the reasons and notes (C10), the transcript e-mail choice (C13) and Done, which a required
// disposition keeps disabled with its reason (C14); when Done asks for a follow-up, the follow-up form (C17).
// "The customer left" is announced by the softphone, outside the tabs (C10). What the agent does goes up as `command`; every
// control is the snapshot's command (enabled, or disabled with its reason).
import { LightningElement, api } from 'lwc';
import type {
  AgentEntry,
  AgentSnapshot,
  ChannelSettingsDirectory,
  ChatInteraction,
  CommandAvailability,
  QueuesDirectory
} from 'c/connectorProtocol';
import { formatLabel } from 'c/utilityBadge';
import type { WrapUpCode } from 'c/wrapUpForm';
import type { QuickText } from 'c/quickTextPicker';
import LABEL_END from '@salesforce/label/c.ChatPanel_End';
import LABEL_DONE from '@salesforce/label/c.ChatPanel_Done';
import LABEL_DETAILS from '@salesforce/label/c.ChatPanel_Details';
import LABEL_CALL_STARTED from '@salesforce/label/c.ChatPanel_CallStarted';

type Interaction = AgentSnapshot['interactions'][number];
type Chat = ChatInteraction & { commands: CommandAvailability[] };
interface ChatItem {
  id: string;
  chat: Chat;
  offered: boolean;
  live: boolean;
  wrapUp: boolean;
  followUp: boolean;
  who: string;
  queueName: string | null;
  send: CommandAvailability | null;
  end: { shown: boolean; availability: CommandAvailability | null };
  done: CommandAvailability | null;
  detailsOpen: boolean;
  detailsId: string;
}

let calls = 0;
/** The id of a call the agent starts (the protocol's `dial` takes a client-made interactionId). */
function callId(): string {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `voice-${random}-${++calls}`;
}

export default class ChatPanel extends LightningElement {
  /** The queues directory's queues (names, and the chat queues for follow-up). */
  @api queues: QueuesDirectory['queues'] = [];
  /** The wrapUpCodes directory's codes. */
  @api wrapUpCodes: WrapUpCode[] = [];
  /** The agents directory's rows (transfer and conference targets, names in the history). */
  @api agents: AgentEntry[] = [];
  /** The quickTexts directory's texts (C7). */
  @api quickTexts: QuickText[] = [];
  /** The channelSettings directory's `chat` entry (C5 files, C17 follow-up queues). */
  @api channelSettings: ChannelSettingsDirectory['chat'] | null = null;
  /** The agent's own id (never a transfer or conference target). */
  @api selfId: string | null = null;
  /** The snapshot's `dial` command (C12). */
  @api dialCommand: CommandAvailability | null = null;

  /** C12: the sentence for screen readers ("customer left" is said by the softphone, outside the tabs). */
  announcement = '';
  private closedDetails = new Set<string>();
  private current: Interaction[] = [];

  readonly labels = { end: LABEL_END, done: LABEL_DONE, details: LABEL_DETAILS };

  @api
  get interactions(): Interaction[] {
    return this.current;
  }
  set interactions(value: Interaction[]) {
    this.current = value ?? [];
  }

  get followUpQueueIds(): string[] {
    return this.channelSettings?.followUp.queueIds ?? [];
  }

  get chats(): ChatItem[] {
    return (this.current ?? [])
      .filter((i): i is Interaction & Chat => i.channel === 'chat')
      .map((chat) => {
        const end = chat.commands.find((c) => c.command === 'end') ?? null;
        return {
          id: chat.id,
          chat,
          offered: chat.lifecycle === 'offered',
          live: chat.lifecycle === 'active',
          wrapUp: chat.lifecycle === 'wrapUp',
          followUp: chat.lifecycle === 'wrapUp' && chat.wrapUpStep === 'followUp',
          who: chat.customer.name ?? chat.customer.address,
          queueName: (this.queues ?? []).find((q) => q.id === chat.queueId)?.name ?? null,
          send: chat.commands.find((c) => c.command === 'send') ?? null,
          // The guest of a conference has no End: ending is the owner's (C9).
          end: { availability: end, shown: end?.reason !== 'NOT_OWNER' },
          done: chat.commands.find((c) => c.command === 'done') ?? null,
          detailsOpen: !this.closedDetails.has(chat.id),
          detailsId: `details-${chat.id}`
        };
      });
  }

  /** V13, C3: Name, Related To, tags or notes from the details. */
  handleDetails(event: CustomEvent<{ interactionId: string; [field: string]: unknown }>): void {
    event.stopPropagation();
    const { interactionId, ...args } = event.detail;
    this.command('setDetails', interactionId, args);
  }

  handleOfferCommand(event: CustomEvent<{ command: string; interactionId: string }>): void {
    event.stopPropagation();
    this.command(event.detail.command, event.detail.interactionId);
  }

  /** Commands from the pieces (wrap-up form, transfer, conference, push page, transcript e-mail, follow-up). */
  handleChildCommand(
    event: CustomEvent<{ command: string; interactionId: string; args?: Record<string, unknown>; resolve?: unknown }>
  ) {
    event.stopPropagation();
    const chat = this.chats.find((c) => c.id === event.detail.interactionId)?.chat;
    if (!chat?.commands.find((c) => c.command === event.detail.command)?.enabled) return;
    this.dispatchEvent(new CustomEvent('command', { detail: event.detail }));
  }

  handleSend(event: CustomEvent<{ text: string; attachments?: unknown[] }>): void {
    const id = (event.currentTarget as HTMLElement).dataset.id!;
    this.command('send', id, { text: event.detail.text, attachments: event.detail.attachments ?? [] });
  }

  handleEnd(event: Event): void {
    this.command('end', (event.currentTarget as HTMLElement).dataset.id!);
  }

  handleDone(event: Event): void {
    this.command('done', (event.currentTarget as HTMLElement).dataset.id!);
  }

  handleDetailsToggle(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id!;
    const closed = new Set(this.closedDetails);
    if (closed.has(id)) closed.delete(id);
    else closed.add(id);
    this.closedDetails = closed;
  }

  /** C12: escalate to voice, from the details' number or a number in a message: the agent's `dial` command. */
  handleDialNumber(event: CustomEvent<{ number: string }>): void {
    event.stopPropagation();
    if (!this.dialCommand?.enabled) return;
    const fromMessage = (event.currentTarget as HTMLElement).localName === 'c-transcript-view';
    const number = event.detail.number;
    this.dispatchEvent(
      new CustomEvent('command', {
        detail: {
          command: 'dial',
          args: { interactionId: callId(), number, source: fromMessage ? 'clickToDial' : 'keypad' }
        }
      })
    );
    this.announcement = formatLabel(LABEL_CALL_STARTED, number);
  }

  private command(command: string, interactionId: string, args?: Record<string, unknown>): void {
    const chat = this.chats.find((c) => c.id === interactionId)?.chat;
    if (!chat?.commands.find((c) => c.command === command)?.enabled) return;
    this.dispatchEvent(new CustomEvent('command', { detail: { command, interactionId, ...(args ? { args } : {}) } }));
  }
}
