// A4: after a missed offer the agent is in RONA and gets no offer of any channel until they choose: Available, or Busy
// with a reason. The prompt is announced once (role="alert") and does not take the focus from what the agent was doing.
import { LightningElement, api } from 'lwc';
import type { AgentSnapshot } from 'c/connectorProtocol';
import { formatLabel } from 'c/utilityBadge';
import LABEL_TITLE from '@salesforce/label/c.Rona_Title';
import LABEL_MESSAGE from '@salesforce/label/c.Rona_Message';
import LABEL_AVAILABLE from '@salesforce/label/c.Rona_BeAvailable';
import LABEL_BUSY from '@salesforce/label/c.Rona_BeBusy';
import LABEL_BUSY_WITH_REASON from '@salesforce/label/c.Status_BusyWithReason';

export default class RonaPrompt extends LightningElement {
  @api presence: AgentSnapshot['presence'] | null = null;
  /** The reasonCodes directory's busyReasons. */
  @api busyReasons: { code: string; label: string }[] = [];

  readonly labels = { title: LABEL_TITLE, message: LABEL_MESSAGE, available: LABEL_AVAILABLE, busy: LABEL_BUSY };

  get visible(): boolean {
    return this.presence?.status === 'RONA';
  }

  get reasons(): { value: string; label: string }[] {
    return this.busyReasons.map((r) => ({ value: r.code, label: formatLabel(LABEL_BUSY_WITH_REASON, r.label) }));
  }

  handleAvailable(): void {
    this.dispatchEvent(new CustomEvent('statuschange', { detail: { command: 'goAvailable' } }));
  }

  handleBusy(event: CustomEvent<{ value: string }>): void {
    const detail = { command: 'goBusy', args: { reasonCode: event.detail.value } };
    this.dispatchEvent(new CustomEvent('statuschange', { detail }));
  }
}
