// V10: one immediate call button per emergency number of the agent's country (the emergencyNumbers directory). Never
// blocked by status, skill choice or capacity (the connector lets emergency numbers through, and holds a live call for
// them), so these buttons ignore the snapshot's dial availability on purpose.
// Fires `command {command: 'dial', args: {interactionId, number}}`.
import { LightningElement, api } from 'lwc';
import type { EmergencyNumbersDirectory } from 'c/connectorProtocol';
import { newCallId } from 'c/callTargets';
import { formatLabel } from 'c/utilityBadge';
import LABEL_GROUP from '@salesforce/label/c.Emergency_Group';
import LABEL_CALL from '@salesforce/label/c.Emergency_Call';
import LABEL_HINT from '@salesforce/label/c.Emergency_Hint';

export default class EmergencyCall extends LightningElement {
  @api emergencyNumbers: EmergencyNumbersDirectory | null = null;

  readonly labels = { group: LABEL_GROUP, hint: LABEL_HINT };

  get numbers(): { number: string; label: string }[] {
    return (this.emergencyNumbers?.numbers ?? []).map((number) => ({ number, label: formatLabel(LABEL_CALL, number) }));
  }

  get visible(): boolean {
    return this.numbers.length > 0;
  }

  handleCall(event: Event): void {
    const number = (event.currentTarget as HTMLElement).dataset.number!;
    this.dispatchEvent(
      new CustomEvent('command', { detail: { command: 'dial', args: { interactionId: newCallId(), number } } })
    );
  }
}
