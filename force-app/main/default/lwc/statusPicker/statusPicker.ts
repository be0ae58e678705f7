// A1: the agent's status in the panel's header: a coloured dot, the status and Busy reason, and a menu to change it.
// Which statuses may be chosen comes from the snapshot's presence commands; one that may not says why in its own text,
// so the reason is read, not hovered. Choosing one fires `statuschange` with the command to send.
import { LightningElement, api } from 'lwc';
import type { AgentSnapshot, CommandAvailability } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import { formatLabel } from 'c/utilityBadge';
import LABEL_AVAILABLE from '@salesforce/label/c.Status_Available';
import LABEL_BUSY from '@salesforce/label/c.Status_Busy';
import LABEL_BUSY_WITH_REASON from '@salesforce/label/c.Status_BusyWithReason';
import LABEL_OFFLINE from '@salesforce/label/c.Status_Offline';
import LABEL_RONA from '@salesforce/label/c.Status_RONA';
import LABEL_WRAP_UP from '@salesforce/label/c.Status_WrapUp';
import LABEL_WORKING from '@salesforce/label/c.Status_Working';
import LABEL_CHANGE from '@salesforce/label/c.StatusPicker_Change';
import LABEL_UNAVAILABLE from '@salesforce/label/c.StatusPicker_Unavailable';

type Presence = AgentSnapshot['presence'];
export interface BusyReason {
  code: string;
  label: string;
}
interface MenuChoice {
  value: string;
  label: string;
  disabled: boolean;
  checked: boolean;
}

const STATUS_LABELS: { [status: string]: string } = {
  Available: LABEL_AVAILABLE,
  Busy: LABEL_BUSY,
  Offline: LABEL_OFFLINE,
  RONA: LABEL_RONA,
  WrapUp: LABEL_WRAP_UP
};

/** The status as a person reads it: "Busy: Lunch" with the reason's label from the reasonCodes directory. */
export function statusText(presence: Presence | null | undefined, reasons: BusyReason[]): string {
  if (!presence) return LABEL_OFFLINE;
  if (presence.status === 'Busy' && presence.reasonCode) {
    const reason = reasons.find((r) => r.code === presence.reasonCode);
    return formatLabel(LABEL_BUSY_WITH_REASON, reason?.label ?? presence.reasonCode);
  }
  return STATUS_LABELS[presence.status] ?? presence.status;
}

export default class StatusPicker extends LightningElement {
  /** The snapshot's presence. */
  @api presence: Presence | null = null;
  /** The snapshot's `commands.presence`: goAvailable, goBusy, goOffline with enabled and reason. */
  @api commands: CommandAvailability[] = [];
  /** The reasonCodes directory's busyReasons, in the admin's order. */
  @api busyReasons: BusyReason[] = [];

  get statusLabel(): string {
    return statusText(this.presence, this.busyReasons);
  }

  get menuLabel(): string {
    return formatLabel(LABEL_CHANGE, this.statusLabel);
  }

  get working(): boolean {
    return this.presence?.activity === 'Working';
  }

  get workingLabel(): string {
    return LABEL_WORKING;
  }

  get dotClass(): string {
    return `status-dot status-dot_${(this.presence?.status ?? 'Offline').toLowerCase()}`;
  }

  get choices(): MenuChoice[] {
    const status = this.presence?.status ?? 'Offline';
    const reasonCode = this.presence?.reasonCode ?? null;
    const choices: MenuChoice[] = [
      this.choice('goAvailable', 'goAvailable', LABEL_AVAILABLE, status === 'Available'),
      ...this.busyReasons.map((reason) =>
        this.choice(
          'goBusy',
          `goBusy:${reason.code}`,
          formatLabel(LABEL_BUSY_WITH_REASON, reason.label),
          status === 'Busy' && reasonCode === reason.code
        )
      ),
      this.choice('goOffline', 'goOffline', LABEL_OFFLINE, status === 'Offline')
    ];
    return choices;
  }

  handleSelect(event: CustomEvent<{ value: string }>): void {
    const [command, reasonCode] = event.detail.value.split(':');
    const choice = this.choices.find((c) => c.value === event.detail.value);
    if (!choice || choice.disabled || choice.checked) return;
    const detail = reasonCode ? { command, args: { reasonCode } } : { command };
    this.dispatchEvent(new CustomEvent('statuschange', { detail }));
  }

  private choice(command: string, value: string, label: string, checked: boolean): MenuChoice {
    const availability = this.commands.find((c) => c.command === command);
    // The current status is shown checked, never as refused ("already in this status" is not news).
    const refused = !checked && availability !== undefined && !availability.enabled;
    return {
      value,
      label: refused ? formatLabel(LABEL_UNAVAILABLE, label, reasonText(availability?.labelKey)) : label,
      disabled: refused,
      checked
    };
  }
}
