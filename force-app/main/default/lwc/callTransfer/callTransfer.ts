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
  variant: string;
  availability: CommandAvailability | null;
}

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

  readonly labels = { open: LABEL_OPEN, back: LABEL_BACK, choose: LABEL_CHOOSE };

  get visible(): boolean {
    return this.call?.lifecycle === 'active';
  }

  /** The toggle works while either command does; otherwise it says why (the consult's reason). */
  get toggle(): CommandAvailability {
    const consult = this.availability('consult');
    const blind = this.availability('blindTransfer');
    if (consult?.enabled || blind?.enabled) return { command: 'transfer', enabled: true };
    const labelKey = consult?.labelKey ?? blind?.labelKey;
    return { command: 'transfer', enabled: false, ...(labelKey ? { labelKey } : {}) };
  }

  get expanded(): boolean {
    return this.open && this.toggle.enabled;
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
      ['consult', LABEL_CONSULT, 'brand'],
      ['blindTransfer', LABEL_BLIND, 'neutral']
    ].map(([command, label, variant]) => ({
      command,
      label,
      variant,
      availability: this.availability(command) ?? null
    }));
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
