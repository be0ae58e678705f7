// V6, V7: a conference call's parties: the agent, the customer and everyone added (each with how long they have been
// in), and how many may be added (channelSettings `voice.maxConferenceParties`). What a conference does not allow
// (hold, mask, tones) the call controls show disabled with the snapshot's reason.
import { LightningElement, api } from 'lwc';
import type { AddressBookDirectory, AgentEntry, QueuesDirectory, VoiceInteraction } from 'c/connectorProtocol';
import { targetName } from 'c/callTargets';
import { formatLabel } from 'c/utilityBadge';
import LABEL_TITLE from '@salesforce/label/c.Conference_Title';
import LABEL_COUNT from '@salesforce/label/c.Conference_Count';
import LABEL_YOU from '@salesforce/label/c.Voice_You';
import LABEL_CUSTOMER from '@salesforce/label/c.Voice_Customer';

export default class ConferenceRoster extends LightningElement {
  @api call: VoiceInteraction | null = null;
  @api agents: AgentEntry[] = [];
  @api queues: QueuesDirectory['queues'] = [];
  @api addressBook: AddressBookDirectory['entries'] = [];
  /** channelSettings `voice.maxConferenceParties`. */
  @api maxParties: number | null = null;

  readonly labels = { title: LABEL_TITLE, you: LABEL_YOU, customer: LABEL_CUSTOMER };

  get visible(): boolean {
    return this.call?.lifecycle === 'active' && (this.call.conference ?? []).length > 0;
  }

  get count(): string | null {
    const added = this.call?.conference.length ?? 0;
    return this.maxParties ? formatLabel(LABEL_COUNT, added, this.maxParties) : null;
  }

  get customerName(): string {
    const call = this.call;
    return call?.contact?.name ?? call?.number ?? call?.customer.address ?? '';
  }

  get parties(): { id: string; name: string; joinedAt: number }[] {
    const directories = { agents: this.agents, queues: this.queues, addressBook: this.addressBook };
    return (this.call?.conference ?? []).map((party) => ({
      id: party.participantId,
      name: targetName(party.target, directories),
      joinedAt: party.joinedAt
    }));
  }
}
