// The Voice tab: every call on the agent's desk, newest offer last (UI.md: offers stack, each with its own Accept).
// An offer shows as an offer card; a call as its card and controls. What the agent presses goes up as `command`.
import { LightningElement, api } from 'lwc';
import type { AgentSnapshot, CommandAvailability, VoiceInteraction } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import type { WrapUpCode } from 'c/wrapUpForm';
import LABEL_DONE from '@salesforce/label/c.VoicePanel_Done';

type Interaction = AgentSnapshot['interactions'][number];

export default class VoicePanel extends LightningElement {
  /** The snapshot's interactions (every channel; this panel takes the calls). */
  @api interactions: Interaction[] = [];
  /** The wrapUpCodes directory's codes. */
  @api wrapUpCodes: WrapUpCode[] = [];

  readonly labels = { done: LABEL_DONE };

  get calls() {
    return (this.interactions ?? [])
      .filter((i): i is Interaction & VoiceInteraction & { commands: CommandAvailability[] } => i.channel === 'voice')
      .map((call) => {
        const done = call.commands.find((c) => c.command === 'wrapUpDone');
        return {
          id: call.id,
          call,
          offered: call.lifecycle === 'offered',
          wrapUp: call.lifecycle === 'wrapUp',
          done: {
            disabled: !done?.enabled,
            reason: !done?.enabled && done?.labelKey ? reasonText(done.labelKey) : null
          }
        };
      });
  }

  /** V13: the wrap-up is finished; the call's Task is written. */
  handleDone(event: Event): void {
    const interactionId = (event.currentTarget as HTMLElement).dataset.id!;
    const call = this.calls.find((c) => c.id === interactionId);
    if (!call || call.done.disabled) return;
    this.dispatchEvent(new CustomEvent('command', { detail: { command: 'wrapUpDone', interactionId } }));
  }

  get empty(): boolean {
    return this.calls.length === 0;
  }

  /** V13, C3: Name or Related To chosen in the screen pop. */
  handleDetails(event: CustomEvent<{ interactionId: string; whoId?: string | null; whatId?: string | null }>): void {
    const { interactionId, ...args } = event.detail;
    this.dispatchEvent(new CustomEvent('command', { detail: { command: 'setDetails', interactionId, args } }));
  }

  handleCommand(event: CustomEvent<{ command: string; interactionId: string }>): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('command', { detail: event.detail }));
  }
}
