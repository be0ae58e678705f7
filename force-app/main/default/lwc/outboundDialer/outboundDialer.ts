// V9, V11: dialling out. The keypad (dial mode) shows the E.164 form; the outbound skill is the agent's only one,
// chosen automatically, or a required choice when the outboundSkills directory says `choiceRequired`. Whether dialling
// works at all is the snapshot's agent-level `dial` command (disabled with its reason, e.g. Offline). V11: while a call
// is live (not on hold) the dialer says so and offers to hold it: Call becomes "Hold and call" and sends
// `holdActiveCall`. Fires `command {command: 'dial', args: {interactionId, number, skillId?, holdActiveCall?}}`.
import { LightningElement, api } from 'lwc';
import type { CommandAvailability, EmergencyNumbersDirectory, OutboundSkillsDirectory } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import { newCallId } from 'c/callTargets';
import { formatLabel } from 'c/utilityBadge';
import LABEL_SKILL from '@salesforce/label/c.Dialer_Skill';
import LABEL_SKILL_PLACEHOLDER from '@salesforce/label/c.Dialer_SkillPlaceholder';
import LABEL_SKILL_REQUIRED from '@salesforce/label/c.Dialer_SkillRequired';
import LABEL_SKILL_ONLY from '@salesforce/label/c.Dialer_SkillOnly';
import LABEL_HOLD_FIRST from '@salesforce/label/c.Dialer_HoldFirst';
import LABEL_HOLD_AND_CALL from '@salesforce/label/c.Dialer_HoldAndCall';

export default class OutboundDialer extends LightningElement {
  /** The outboundSkills directory. */
  @api outboundSkills: OutboundSkillsDirectory | null = null;
  /** The emergencyNumbers directory: its country reads national numbers, its numbers dial as typed (V10). */
  @api emergencyNumbers: EmergencyNumbersDirectory | null = null;
  /** The snapshot's `commands.dial`. */
  @api dial: CommandAvailability | null = null;
  /** V11: a call is live and not on hold. */
  @api liveCall = false;
  /** A number to start with (click-to-dial from a transcript, C12). */
  @api value = '';

  chosenSkill: string | null = null;

  readonly labels = { skill: LABEL_SKILL, skillPlaceholder: LABEL_SKILL_PLACEHOLDER, holdFirst: LABEL_HOLD_FIRST };

  get skills(): { id: string; name: string }[] {
    return this.outboundSkills?.skills ?? [];
  }

  get choiceRequired(): boolean {
    return Boolean(this.outboundSkills?.choiceRequired) && this.skills.length > 1;
  }

  get skillOptions(): { label: string; value: string }[] {
    return this.skills.map((skill) => ({ label: skill.name, value: skill.id }));
  }

  /** V9: the only skill, chosen automatically. */
  get onlySkill(): string | null {
    return this.skills.length === 1 ? formatLabel(LABEL_SKILL_ONLY, this.skills[0].name) : null;
  }

  get skillId(): string | null {
    if (this.skills.length === 1) return this.skills[0].id;
    return this.skills.some((skill) => skill.id === this.chosenSkill) ? this.chosenSkill : null;
  }

  get country(): string {
    return this.emergencyNumbers?.country ?? 'US';
  }

  get emergencyList(): string[] {
    return this.emergencyNumbers?.numbers ?? [];
  }

  /** Why Call does not work now: the snapshot's dial reason, else a skill still to choose. */
  get unavailableReason(): string | null {
    if (this.dial && !this.dial.enabled) return this.dial.labelKey ? reasonText(this.dial.labelKey) : null;
    if (this.choiceRequired && !this.skillId) return LABEL_SKILL_REQUIRED;
    return null;
  }

  get actionLabel(): string | null {
    return this.liveCall ? LABEL_HOLD_AND_CALL : null;
  }

  handleSkill(event: CustomEvent<{ value: string }>): void {
    this.chosenSkill = event.detail.value;
  }

  handleDial(event: CustomEvent<{ number: string }>): void {
    event.stopPropagation();
    const args: { [key: string]: unknown } = { interactionId: newCallId(), number: event.detail.number };
    if (this.skillId) args.skillId = this.skillId;
    if (this.liveCall) args.holdActiveCall = true;
    this.dispatchEvent(new CustomEvent('command', { detail: { command: 'dial', args } }));
  }
}
