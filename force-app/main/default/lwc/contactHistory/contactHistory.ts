// C16: the customer's earlier interactions on every channel, newest first: when it ended, the channel, the agent,
// the dispositions, and a link that opens its Task in the console.
//
// @api history  the snapshot interaction's `history` (HistoryEntry[])
// @api agents   the agents directory's rows, to name the agent (optional; without it the agent is not named)
// The Task is found by its external id (Interaction_Key__c = `taskKey`): the snapshot carries no Task record id, so
// the link opens the console's search for that key.
import { LightningElement, api } from 'lwc';
import { openTab } from 'lightning/platformWorkspaceApi';
import type { AgentEntry, Channel, HistoryEntry } from 'c/connectorProtocol';
import { formatLabel } from 'c/utilityBadge';
import LABEL_HISTORY from '@salesforce/label/c.ContactDetails_History';
import LABEL_NO_HISTORY from '@salesforce/label/c.ContactDetails_NoHistory';
import LABEL_OPEN_TASK from '@salesforce/label/c.ContactDetails_OpenTask';
import LABEL_UNKNOWN_AGENT from '@salesforce/label/c.ContactDetails_UnknownAgent';
import LABEL_NO_DISPOSITION from '@salesforce/label/c.ContactDetails_NoDisposition';
import LABEL_VOICE from '@salesforce/label/c.ContactDetails_ChannelVoice';
import LABEL_CHAT from '@salesforce/label/c.ContactDetails_ChannelChat';
import LABEL_EMAIL from '@salesforce/label/c.ContactDetails_ChannelEmail';
import LABEL_SMS from '@salesforce/label/c.ContactDetails_ChannelSms';
import LABEL_WHATSAPP from '@salesforce/label/c.ContactDetails_ChannelWhatsapp';
import LABEL_MESSENGER from '@salesforce/label/c.ContactDetails_ChannelMessenger';
import LABEL_INSTAGRAM from '@salesforce/label/c.ContactDetails_ChannelInstagram';
import LABEL_X from '@salesforce/label/c.ContactDetails_ChannelX';

export const CHANNEL_LABELS: Record<Channel, string> = {
  voice: LABEL_VOICE,
  chat: LABEL_CHAT,
  email: LABEL_EMAIL,
  sms: LABEL_SMS,
  whatsapp: LABEL_WHATSAPP,
  messenger: LABEL_MESSENGER,
  instagram: LABEL_INSTAGRAM,
  x: LABEL_X
};

interface Row {
  key: string;
  endedAt: number | null;
  channel: string;
  agent: string;
  dispositions: string;
  taskKey: string;
  openLabel: string;
}

export default class ContactHistory extends LightningElement {
  @api history: HistoryEntry[] = [];
  @api agents: AgentEntry[] = [];

  readonly labels = { history: LABEL_HISTORY, noHistory: LABEL_NO_HISTORY };

  get rows(): Row[] {
    return [...(this.history ?? [])]
      .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))
      .map((h) => {
        const channel = CHANNEL_LABELS[h.channel] ?? h.channel;
        return {
          key: h.interactionId,
          endedAt: h.endedAt,
          channel,
          agent: (this.agents ?? []).find((a) => a.agentId === h.agentId)?.name ?? LABEL_UNKNOWN_AGENT,
          dispositions: h.dispositions.length > 0 ? h.dispositions.join(', ') : LABEL_NO_DISPOSITION,
          taskKey: h.taskKey,
          openLabel: formatLabel(LABEL_OPEN_TASK, channel)
        };
      });
  }

  get empty(): boolean {
    return (this.history ?? []).length === 0;
  }

  async handleOpen(event: Event): Promise<void> {
    const term = (event.currentTarget as HTMLElement).dataset.key!;
    try {
      await openTab({ pageReference: { type: 'standard__search', attributes: {}, state: { term } }, focus: true });
    } catch {
      // Outside a console app there is no tab to open.
    }
  }
}
