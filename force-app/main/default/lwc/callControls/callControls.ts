// V2, V3, V5, V7: the controls of a connected call. Hold, Mute, Record and Mask are toggles (aria-pressed): pressing
// again undoes, so each sends the command for the call's current state (held -> resume). End stands apart. Whether a
// control works comes from the snapshot's commands; a control that does not says why in visible text it is described
// by (V3 "The call is on hold: resume it first."), identical reasons said once. The Keypad button (V2) opens the keypad
// in digits mode: each key sends `sendDigits {digits}`; in a conference (V7) it is disabled with the snapshot's reason.
import { LightningElement, api } from 'lwc';
import type { CommandAvailability, VoiceInteraction } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import LABEL_HOLD from '@salesforce/label/c.CallControls_Hold';
import LABEL_MUTE from '@salesforce/label/c.CallControls_Mute';
import LABEL_RECORD from '@salesforce/label/c.CallControls_Record';
import LABEL_MASK from '@salesforce/label/c.CallControls_Mask';
import LABEL_END from '@salesforce/label/c.CallControls_End';
import LABEL_CONTROLS from '@salesforce/label/c.CallControls_Group';
import LABEL_ON_HOLD from '@salesforce/label/c.CallControls_OnHold';
import LABEL_KEYPAD from '@salesforce/label/c.CallControls_Keypad';

type Call = VoiceInteraction & { commands: CommandAvailability[] };
interface Toggle {
  key: string;
  label: string;
  icon: string;
  pressed: boolean;
  command: string;
  disabled: boolean;
  describedBy: string | null;
  className: string;
}

const TOGGLES = [
  { key: 'hold', label: LABEL_HOLD, icon: 'utility:pause', on: 'hold', off: 'resume', state: (c: Call) => c.held },
  { key: 'mute', label: LABEL_MUTE, icon: 'utility:muted', on: 'mute', off: 'unmute', state: (c: Call) => c.muted },
  {
    key: 'record',
    label: LABEL_RECORD,
    icon: 'utility:record',
    on: 'recordStart',
    off: 'recordStop',
    state: (c: Call) => c.recording
  },
  { key: 'mask', label: LABEL_MASK, icon: 'utility:hide', on: 'mask', off: 'unmask', state: (c: Call) => c.masked }
];

export default class CallControls extends LightningElement {
  /** The call as the snapshot has it, with its commands. */
  @api call: Call | null = null;

  readonly labels = { end: LABEL_END, group: LABEL_CONTROLS, onHold: LABEL_ON_HOLD, keypad: LABEL_KEYPAD };

  /** The DTMF keypad is open. */
  keypadOpen = false;

  get visible(): boolean {
    return this.call?.lifecycle === 'active';
  }

  /** Reasons of the controls that do not work now, each said once, with the id the controls point at. */
  get reasons(): { id: string; text: string }[] {
    const keys: string[] = [];
    for (const availability of this.relevant()) {
      if (!availability.enabled && availability.labelKey && !keys.includes(availability.labelKey)) {
        keys.push(availability.labelKey);
      }
    }
    return keys.map((key) => ({ id: `reason-${key}`, text: reasonText(key) }));
  }

  get toggles(): Toggle[] {
    const call = this.call;
    if (!call) return [];
    return TOGGLES.map((toggle) => {
      const pressed = toggle.state(call);
      const command = pressed ? toggle.off : toggle.on;
      const availability = this.availability(command);
      const disabled = !availability?.enabled;
      return {
        key: toggle.key,
        label: toggle.label,
        icon: toggle.icon,
        pressed,
        command,
        disabled,
        describedBy: disabled && availability?.labelKey ? `reason-${availability.labelKey}` : null,
        className: `slds-button slds-button_icon slds-button_icon-border${pressed ? '-filled slds-is-selected' : ''}`
      };
    });
  }

  get end(): { disabled: boolean; describedBy: string | null } {
    const availability = this.availability('end');
    const disabled = !availability?.enabled;
    return { disabled, describedBy: disabled && availability?.labelKey ? `reason-${availability.labelKey}` : null };
  }

  /** V2, V7: the keypad for tones, as the snapshot's sendDigits says. */
  get keypad(): { disabled: boolean; describedBy: string | null; expanded: boolean; className: string; id: string } {
    const availability = this.availability('sendDigits');
    const disabled = !availability?.enabled;
    const expanded = this.keypadOpen && !disabled;
    return {
      disabled,
      describedBy: disabled && availability?.labelKey ? `reason-${availability.labelKey}` : null,
      expanded,
      className: `slds-button slds-button_icon slds-button_icon-border${expanded ? '-filled' : ''}`,
      id: `keypad-${this.call?.id ?? ''}`
    };
  }

  handleKeypad(): void {
    this.keypadOpen = !this.keypadOpen;
  }

  handleDigits(event: CustomEvent<{ digits: string }>): void {
    event.stopPropagation();
    this.send('sendDigits', { digits: event.detail.digits });
  }

  get held(): boolean {
    return Boolean(this.call?.held);
  }

  get heldSince(): number | null {
    return this.call?.heldSince ?? null;
  }

  handleToggle(event: Event): void {
    this.send((event.currentTarget as HTMLElement).dataset.command!);
  }

  handleEnd(): void {
    this.send('end');
  }

  private send(command: string, args?: { [key: string]: unknown }): void {
    if (!this.call || !this.availability(command)?.enabled) return;
    const detail = { command, interactionId: this.call.id, ...(args ? { args } : {}) };
    this.dispatchEvent(new CustomEvent('callcommand', { detail }));
  }

  private availability(command: string): CommandAvailability | undefined {
    return this.call?.commands.find((c) => c.command === command);
  }

  /** The commands the controls show now: each toggle's next step, and End. */
  private relevant(): CommandAvailability[] {
    const out: CommandAvailability[] = [];
    for (const toggle of this.toggles) {
      const availability = this.availability(toggle.command);
      if (availability) out.push(availability);
    }
    const digits = this.availability('sendDigits');
    if (digits) out.push(digits);
    const end = this.availability('end');
    if (end) out.push(end);
    return out;
  }
}
