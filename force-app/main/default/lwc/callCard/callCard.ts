// V1: who the call is with (the matched contact, else the number), the number, its queue or skill, the direction and
// a running talk time; an emergency call says so.
import { LightningElement, api } from 'lwc';
import type { VoiceInteraction } from 'c/connectorProtocol';
import LABEL_INBOUND from '@salesforce/label/c.CallCard_Inbound';
import LABEL_OUTBOUND from '@salesforce/label/c.CallCard_Outbound';
import LABEL_CALLBACK from '@salesforce/label/c.CallCard_Callback';
import LABEL_DIALING from '@salesforce/label/c.CallCard_Dialing';
import LABEL_ENDED from '@salesforce/label/c.CallCard_Ended';
import LABEL_EMERGENCY from '@salesforce/label/c.CallCard_Emergency';

type Call = VoiceInteraction & {
  screenPop?: { outcome: string; matches: { name: string | null }[] } | null;
};
const DIRECTIONS: { [direction: string]: string } = {
  inbound: LABEL_INBOUND,
  outbound: LABEL_OUTBOUND,
  callback: LABEL_CALLBACK
};

export default class CallCard extends LightningElement {
  @api call: Call | null = null;

  readonly emergencyLabel = LABEL_EMERGENCY;

  /** The contact chosen or matched (S6: one match names the caller), else the number. */
  get who(): string {
    const call = this.call;
    if (!call) return '';
    const matched = call.screenPop?.outcome === 'one' ? call.screenPop.matches[0]?.name : null;
    return call.contact?.name ?? matched ?? call.number ?? call.customer.address;
  }

  get number(): string | null {
    const number = this.call?.number ?? null;
    return number && number !== this.who ? number : null;
  }

  get queueName(): string | null {
    return this.call?.queueName ?? null;
  }

  get state(): string {
    const call = this.call;
    if (!call) return '';
    if (call.lifecycle === 'wrapUp') return LABEL_ENDED;
    if (call.callState === 'dialing') return LABEL_DIALING;
    return DIRECTIONS[call.direction] ?? '';
  }

  get talkingSince(): number | null {
    return this.call?.lifecycle === 'active' ? (this.call.connectedAt ?? null) : null;
  }

  get emergency(): boolean {
    return Boolean(this.call?.emergency);
  }

  get iconName(): string {
    return this.call?.direction === 'inbound' ? 'utility:incoming_call' : 'utility:outbound_call';
  }
}
