// The Voice tab: every call on the agent's desk, newest offer last (UI.md: offers stack, each with its own Accept).
// An offer shows as an offer card; a call as its card and controls. What the agent presses goes up as `command`.
import { LightningElement, api } from 'lwc';
import type { AgentSnapshot, VoiceInteraction } from 'c/connectorProtocol';

type Interaction = AgentSnapshot['interactions'][number];

export default class VoicePanel extends LightningElement {
  /** The snapshot's interactions (every channel; this panel takes the calls). */
  @api interactions: Interaction[] = [];

  get calls(): { id: string; call: VoiceInteraction; offered: boolean }[] {
    return (this.interactions ?? [])
      .filter((i): i is Interaction & VoiceInteraction => i.channel === 'voice')
      .map((call) => ({ id: call.id, call, offered: call.lifecycle === 'offered' }));
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
