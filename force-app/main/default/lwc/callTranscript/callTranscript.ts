// V14: the live transcript of a call, while the call is up only (the connector never stores it and empties it when
// the call ends). Agent and customer sides as the setting says (channelSettings `voice.transcriptSides`; the connector
// drops a hidden side); paused on hold and while masked. Partial segments show as they are revised; only final ones are
// announced (one polite live region with the latest final segment, so screen readers do not hear every revision).
import { LightningElement, api } from 'lwc';
import type { LiveSegment, VoiceInteraction } from 'c/connectorProtocol';
import { formatLabel } from 'c/utilityBadge';
import LABEL_TITLE from '@salesforce/label/c.Transcript_Title';
import LABEL_EMPTY from '@salesforce/label/c.Transcript_Empty';
import LABEL_PAUSED_HOLD from '@salesforce/label/c.Transcript_PausedHold';
import LABEL_PAUSED_MASK from '@salesforce/label/c.Transcript_PausedMask';
import LABEL_SIDE_CUSTOMER from '@salesforce/label/c.Transcript_SideCustomer';
import LABEL_SIDE_AGENT from '@salesforce/label/c.Transcript_SideAgent';
import LABEL_SAID from '@salesforce/label/c.Transcript_Said';
import LABEL_YOU from '@salesforce/label/c.Voice_You';
import LABEL_CUSTOMER from '@salesforce/label/c.Voice_Customer';

const SIDES: { [side: string]: string } = { agent: LABEL_YOU, customer: LABEL_CUSTOMER };
const SIDE_SETTINGS: { [setting: string]: string } = { customer: LABEL_SIDE_CUSTOMER, agent: LABEL_SIDE_AGENT };

export default class CallTranscript extends LightningElement {
  @api call: VoiceInteraction | null = null;
  /** channelSettings `voice.transcriptSides`: 'both', 'agent' or 'customer'. */
  @api sides: string | null = null;

  readonly labels = { title: LABEL_TITLE, empty: LABEL_EMPTY };

  private segmentsOf(): LiveSegment[] {
    return this.call?.liveTranscript ?? [];
  }

  /** Shown during the call once the provider has sent something. */
  get visible(): boolean {
    return this.call?.lifecycle === 'active' && this.segmentsOf().length > 0;
  }

  get sideSetting(): string | null {
    return (this.sides && SIDE_SETTINGS[this.sides]) || null;
  }

  get paused(): string | null {
    if (this.call?.held) return LABEL_PAUSED_HOLD;
    if (this.call?.masked) return LABEL_PAUSED_MASK;
    return null;
  }

  get segments() {
    return this.segmentsOf().map((segment) => ({
      id: segment.id,
      who: SIDES[segment.side] ?? segment.side,
      text: segment.text,
      className: `slds-m-bottom_xx-small${segment.side === 'agent' ? ' slds-text-align_right' : ''}${
        segment.final ? '' : ' slds-text-color_weak'
      }`
    }));
  }

  /** The latest final segment, for the live region. */
  get announcement(): string {
    const finals = this.segmentsOf().filter((s) => s.final);
    const last = finals[finals.length - 1];
    return last ? formatLabel(LABEL_SAID, SIDES[last.side] ?? last.side, last.text) : '';
  }

  get empty(): boolean {
    return this.segmentsOf().length === 0;
  }

  renderedCallback(): void {
    const list = this.template?.querySelector('.transcript-list');
    if (list) list.scrollTop = list.scrollHeight;
  }
}
