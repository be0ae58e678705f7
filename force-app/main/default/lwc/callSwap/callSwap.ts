// V11: with two calls up, one on hold and one live, Swap holds the live one (`hold`) and resumes the held one
// (`resume`), each only as the snapshot's commands allow; if either does not work now, Swap says why.
import { LightningElement, api } from 'lwc';
import type { CommandAvailability, SnapshotInteraction, VoiceInteraction } from 'c/connectorProtocol';
import LABEL_SWAP from '@salesforce/label/c.Swap_Calls';

/** The connector's V11 refusal of resume while another call is live. */
const HOLD_OTHER_FIRST = 'CALL_HOLD_OTHER_FIRST';

type Call = VoiceInteraction & { commands: CommandAvailability[] };

export default class CallSwap extends LightningElement {
  /** The snapshot's interactions (the active calls are taken). */
  @api interactions: SnapshotInteraction[] = [];

  readonly label = LABEL_SWAP;

  private pair(): { live: Call; held: Call } | null {
    const calls = (this.interactions ?? []).filter((i): i is Call => i.channel === 'voice' && i.lifecycle === 'active');
    if (calls.length !== 2) return null;
    const held = calls.find((c) => c.held);
    const live = calls.find((c) => !c.held);
    return held && live ? { live, held } : null;
  }

  get visible(): boolean {
    return this.pair() !== null;
  }

  private steps(): { call: Call; command: string; availability: CommandAvailability | undefined }[] {
    const pair = this.pair();
    if (!pair) return [];
    return [
      { call: pair.live, command: 'hold' },
      { call: pair.held, command: 'resume' }
    ].map((step) => ({ ...step, availability: step.call.commands.find((c) => c.command === step.command) }));
  }

  /**
   * Swap works while both steps do; otherwise it carries the first refused step's reason. Resume is refused while the
   * other call is live (CALL_HOLD_OTHER_FIRST): that is exactly what the first step, hold, changes, so that refusal
   * does not block the swap (the connector still checks resume when it arrives, after the hold).
   */
  get availability(): CommandAvailability {
    const blocked = this.steps().find(
      (step) =>
        !step.availability?.enabled && !(step.command === 'resume' && step.availability?.reason === HOLD_OTHER_FIRST)
    );
    if (!blocked) return { command: 'swap', enabled: true };
    const labelKey = blocked.availability?.labelKey;
    return { command: 'swap', enabled: false, ...(labelKey ? { labelKey } : {}) };
  }

  handleSwap(): void {
    if (!this.availability.enabled) return;
    for (const step of this.steps()) {
      this.dispatchEvent(
        new CustomEvent('callcommand', { detail: { command: step.command, interactionId: step.call.id } })
      );
    }
  }
}
