// V4: transfer or consult. A toggle opens the target picker (agents with live presence, queues, the address book, a
// typed number); once a target is chosen, Consult (`consult {target}`, V5: the customer goes on hold) and Transfer now
// (`blindTransfer {target}`) each work as the snapshot's commands say, a disabled one with its reason. In a conference
// Consult adds a party (V6) and Transfer now says why it does not work (V7).
import { LightningElement, api } from 'lwc';
import type {
  AddressBookDirectory,
  AgentEntry,
  CallTarget,
  CommandAvailability,
  QueuesDirectory,
  VoiceInteraction
} from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import { targetName } from 'c/callTargets';
import { formatLabel } from 'c/utilityBadge';
import LABEL_OPEN from '@salesforce/label/c.Transfer_Open';
import LABEL_TARGET from '@salesforce/label/c.Transfer_Target';
import LABEL_CONSULT from '@salesforce/label/c.Transfer_Consult';
import LABEL_BLIND from '@salesforce/label/c.Transfer_Blind';
import LABEL_BACK from '@salesforce/label/c.Transfer_Back';
import LABEL_CHOOSE from '@salesforce/label/c.Transfer_Choose';

type Call = VoiceInteraction & { commands: CommandAvailability[] };
interface Action {
  command: string;
  label: string;
  disabled: boolean;
  reason: string | null;
  reasonId: string | null;
  className: string;
}

let uid = 0;

export default class CallTransfer extends LightningElement {
  @api call: Call | null = null;
  @api agents: AgentEntry[] = [];
  @api queues: QueuesDirectory['queues'] = [];
  @api addressBook: AddressBookDirectory['entries'] = [];
  @api selfId: string | null = null;
  @api defaultCountry = 'US';
  @api busyReasons: { code: string; label: string }[] = [];

  open = false;
  target: CallTarget | null = null;

  private readonly uid = `call-transfer-${++uid}`;
  readonly labels = { open: LABEL_OPEN, back: LABEL_BACK, choose: LABEL_CHOOSE };

  get visible(): boolean {
    return this.call?.lifecycle === 'active';
  }

  get pickerId(): string {
    return `${this.uid}-picker`;
  }

  /** The toggle works while either command does; otherwise it says why (the consult's reason). */
  get toggle(): { disabled: boolean; reason: string | null; reasonId: string | null } {
    const consult = this.availability('consult');
    const blind = this.availability('blindTransfer');
    const disabled = !consult?.enabled && !blind?.enabled;
    const key = disabled ? (consult?.labelKey ?? blind?.labelKey ?? null) : null;
    return { disabled, reason: key ? reasonText(key) : null, reasonId: key ? `${this.uid}-toggle-reason` : null };
  }

  get expanded(): boolean {
    return this.open && !this.toggle.disabled;
  }

  get choosing(): boolean {
    return this.expanded && this.target === null;
  }

  get chosen(): boolean {
    return this.expanded && this.target !== null;
  }

  get targetText(): string {
    return formatLabel(
      LABEL_TARGET,
      targetName(this.target, { agents: this.agents, queues: this.queues, addressBook: this.addressBook })
    );
  }

  get actions(): Action[] {
    return [
      ['consult', LABEL_CONSULT, 'slds-button slds-button_brand'],
      ['blindTransfer', LABEL_BLIND, 'slds-button slds-button_neutral']
    ].map(([command, label, className]) => {
      const availability = this.availability(command);
      const disabled = !availability?.enabled;
      const reason = disabled && availability?.labelKey ? reasonText(availability.labelKey) : null;
      return { command, label, className, disabled, reason, reasonId: reason ? `${this.uid}-${command}-reason` : null };
    });
  }

  get reasons(): Action[] {
    return this.actions.filter((action) => action.reason);
  }

  handleToggle(): void {
    this.open = !this.open;
    this.target = null;
  }

  handleSelect(event: CustomEvent<{ target: CallTarget }>): void {
    event.stopPropagation();
    this.target = event.detail.target;
  }

  handleBack(): void {
    this.target = null;
  }

  handleAction(event: Event): void {
    const command = (event.currentTarget as HTMLElement).dataset.command!;
    if (!this.call || !this.target || !this.availability(command)?.enabled) return;
    this.dispatchEvent(
      new CustomEvent('callcommand', {
        detail: { command, interactionId: this.call.id, args: { target: this.target } }
      })
    );
    this.open = false;
    this.target = null;
  }

  private availability(command: string): CommandAvailability | undefined {
    return this.call?.commands.find((c) => c.command === command);
  }
}
