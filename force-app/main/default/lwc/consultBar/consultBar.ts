// V5, V6: the consult leg of a call: who is consulted, ringing or connected (with its own timer), and Merge
// (`merge`: a conference), Complete transfer (`completeTransfer`: the customer goes to the consulted party, the agent
// leaves) and Cancel consult (`cancelConsult`). Each works as the snapshot's commands say; a disabled one says why.
// The customer's hold timer (V5) is in the call controls.
import { LightningElement, api } from 'lwc';
import type {
  AddressBookDirectory,
  AgentEntry,
  CommandAvailability,
  QueuesDirectory,
  VoiceInteraction
} from 'c/connectorProtocol';
import { repeatedReasons } from 'c/commandButton';
import { targetName } from 'c/callTargets';
import { formatLabel } from 'c/utilityBadge';
import LABEL_TITLE from '@salesforce/label/c.Consult_Title';
import LABEL_DIALING from '@salesforce/label/c.Consult_Dialing';
import LABEL_CONNECTED from '@salesforce/label/c.Consult_Connected';
import LABEL_MERGE from '@salesforce/label/c.Consult_Merge';
import LABEL_COMPLETE from '@salesforce/label/c.Consult_Complete';
import LABEL_CANCEL from '@salesforce/label/c.Consult_Cancel';

type Call = VoiceInteraction & { commands: CommandAvailability[] };

const ACTIONS: [string, string, string][] = [
  ['merge', LABEL_MERGE, 'brand'],
  ['completeTransfer', LABEL_COMPLETE, 'neutral'],
  ['cancelConsult', LABEL_CANCEL, 'text-destructive']
];

export default class ConsultBar extends LightningElement {
  @api call: Call | null = null;
  @api agents: AgentEntry[] = [];
  @api queues: QueuesDirectory['queues'] = [];
  @api addressBook: AddressBookDirectory['entries'] = [];

  get visible(): boolean {
    return this.call?.lifecycle === 'active' && Boolean(this.call.consult);
  }

  private name(): string {
    const directories = { agents: this.agents, queues: this.queues, addressBook: this.addressBook };
    return targetName(this.call?.consult?.target, directories);
  }

  get title(): string {
    return formatLabel(LABEL_TITLE, this.name());
  }

  /** The number dialled, when the name is not already that number. */
  get dialled(): string | null {
    const dialled = this.call?.consult?.dialled ?? null;
    return dialled && dialled !== this.name() ? dialled : null;
  }

  get stateText(): string {
    return this.call?.consult?.state === 'connected' ? LABEL_CONNECTED : LABEL_DIALING;
  }

  get since(): number | null {
    const consult = this.call?.consult;
    return consult ? (consult.connectedAt ?? consult.startedAt) : null;
  }

  /** Each action with its availability; a reason a sibling already shows is said once (to screen readers again). */
  get actions() {
    const availabilities = ACTIONS.map(([command]) => this.call?.commands.find((c) => c.command === command) ?? null);
    const quiet = repeatedReasons(availabilities);
    return ACTIONS.map(([command, label, variant], index) => ({
      command,
      label,
      variant,
      availability: availabilities[index],
      quiet: quiet[index]
    }));
  }

  handleAction(event: Event): void {
    const command = (event.currentTarget as HTMLElement).dataset.command!;
    const availability = this.call?.commands.find((c) => c.command === command);
    if (!this.call || !availability?.enabled) return;
    this.dispatchEvent(new CustomEvent('callcommand', { detail: { command, interactionId: this.call.id } }));
  }
}
