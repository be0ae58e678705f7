// The Chat tab: every chat on the agent's desk. An offer shows as its offer card (C1, with the bot's transcript below,
// C2); a chat as its conversation, the message box, End, and in wrap-up Done, which a required disposition keeps
// disabled with its reason (C14). What the agent does goes up as `command`.
import { LightningElement, api } from 'lwc';
import type { AgentSnapshot, ChatInteraction, CommandAvailability } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import type { WrapUpCode } from 'c/wrapUpForm';
import LABEL_END from '@salesforce/label/c.ChatPanel_End';
import LABEL_DONE from '@salesforce/label/c.ChatPanel_Done';

type Interaction = AgentSnapshot['interactions'][number];
type Chat = ChatInteraction & { commands: CommandAvailability[] };
interface ChatItem {
  id: string;
  chat: Chat;
  offered: boolean;
  live: boolean;
  wrapUp: boolean;
  who: string;
  queueName: string | null;
  send: CommandAvailability | null;
  end: { disabled: boolean; reason: string | null };
  done: { disabled: boolean; reason: string | null };
}

export default class ChatPanel extends LightningElement {
  @api interactions: Interaction[] = [];
  /** The queues directory's queues, for queue names. */
  @api queues: { id: string; name: string }[] = [];
  /** The wrapUpCodes directory's codes. */
  @api wrapUpCodes: WrapUpCode[] = [];

  readonly labels = { end: LABEL_END, done: LABEL_DONE };

  get chats(): ChatItem[] {
    return (this.interactions ?? [])
      .filter((i): i is Interaction & Chat => i.channel === 'chat')
      .map((chat) => ({
        id: chat.id,
        chat,
        offered: chat.lifecycle === 'offered',
        live: chat.lifecycle === 'active',
        wrapUp: chat.lifecycle === 'wrapUp',
        who: chat.customer.name ?? chat.customer.address,
        queueName: (this.queues ?? []).find((q) => q.id === chat.queueId)?.name ?? null,
        send: chat.commands.find((c) => c.command === 'send') ?? null,
        end: state(chat, 'end'),
        done: state(chat, 'done')
      }));
  }

  /** V13, C3: Name or Related To chosen in the screen pop. */
  handleDetails(event: CustomEvent<{ interactionId: string; whoId?: string | null; whatId?: string | null }>): void {
    const { interactionId, ...args } = event.detail;
    this.dispatchEvent(new CustomEvent('command', { detail: { command: 'setDetails', interactionId, args } }));
  }

  handleOfferCommand(event: CustomEvent<{ command: string; interactionId: string }>): void {
    event.stopPropagation();
    this.command(event.detail.command, event.detail.interactionId);
  }

  /** C10: reasons and notes from the wrap-up form. */
  handleFormCommand(event: CustomEvent<{ command: string; interactionId: string; args?: Record<string, unknown> }>) {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('command', { detail: event.detail }));
  }

  handleSend(event: CustomEvent<{ text: string }>): void {
    const id = (event.currentTarget as HTMLElement).dataset.id!;
    this.command('send', id, { text: event.detail.text });
  }

  handleEnd(event: Event): void {
    this.command('end', (event.currentTarget as HTMLElement).dataset.id!);
  }

  handleDone(event: Event): void {
    this.command('done', (event.currentTarget as HTMLElement).dataset.id!);
  }

  private command(command: string, interactionId: string, args?: Record<string, unknown>): void {
    const chat = this.chats.find((c) => c.id === interactionId)?.chat;
    if (!chat?.commands.find((c) => c.command === command)?.enabled) return;
    this.dispatchEvent(new CustomEvent('command', { detail: { command, interactionId, ...(args ? { args } : {}) } }));
  }
}

function state(chat: Chat, command: string): { disabled: boolean; reason: string | null } {
  const found = chat.commands.find((c) => c.command === command);
  const disabled = !found?.enabled;
  return { disabled, reason: disabled && found?.labelKey ? reasonText(found.labelKey) : null };
}
