// The Voice tab: every call on the agent's desk, newest offer last (UI.md: offers stack, each with its own Accept).
// An offer shows as an offer card; a call as its card, its consult (V5, V6) or conference (V7), its controls with the
// tones keypad (V2, V3), transfer and consult (V4), its live transcript (V14) and its contact details (V8, V13); after
// the call, the wrap-up. With no call the dialer (V9) is open; during calls it opens on demand and offers to hold a
// live call first (V11), and two calls can be swapped (V11). The emergency buttons (V10) are always there.
// What the agent presses goes up as `command` ({command, interactionId?, args?}; dial has no interactionId).
import { LightningElement, api } from 'lwc';
import type {
  AddressBookDirectory,
  AgentEntry,
  AgentSnapshot,
  ChannelSettingsDirectory,
  CommandAvailability,
  EmergencyNumbersDirectory,
  OutboundSkillsDirectory,
  QueuesDirectory,
  VoiceInteraction
} from 'c/connectorProtocol';
import type { WrapUpCode } from 'c/wrapUpForm';
import LABEL_DONE from '@salesforce/label/c.VoicePanel_Done';
import LABEL_NEW_CALL from '@salesforce/label/c.Dialer_Title';

type Interaction = AgentSnapshot['interactions'][number];

export default class VoicePanel extends LightningElement {
  /** The snapshot's interactions (every channel; this panel takes the calls). */
  @api interactions: Interaction[] = [];
  /** The wrapUpCodes directory's codes. */
  @api wrapUpCodes: WrapUpCode[] = [];
  /** The agents directory's rows, with live presence (V4). */
  @api agents: AgentEntry[] = [];
  /** The queues directory's rows (V4). */
  @api queues: QueuesDirectory['queues'] = [];
  /** The addressBook directory's entries (V4). */
  @api addressBook: AddressBookDirectory['entries'] = [];
  /** The outboundSkills directory (V9). */
  @api outboundSkills: OutboundSkillsDirectory | null = null;
  /** The emergencyNumbers directory (V10; its country reads national numbers, V9). */
  @api emergencyNumbers: EmergencyNumbersDirectory | null = null;
  /** The channelSettings directory (V7 conference limit, V14 transcript sides). */
  @api channelSettings: ChannelSettingsDirectory | null = null;
  /** The snapshot's agent-level `commands.dial` (V9). */
  @api dial: CommandAvailability | null = null;
  /** The agent's own id (not listed as a transfer target). */
  @api agentId: string | null = null;
  /** The reasonCodes directory's Busy reasons (a colleague's Busy reason as its label). */
  @api busyReasons: { code: string; label: string }[] = [];

  dialerOpen = false;

  readonly labels = { done: LABEL_DONE, newCall: LABEL_NEW_CALL };

  get calls() {
    return (this.interactions ?? [])
      .filter((i): i is Interaction & VoiceInteraction & { commands: CommandAvailability[] } => i.channel === 'voice')
      .map((call) => {
        return {
          id: call.id,
          call,
          offered: call.lifecycle === 'offered',
          wrapUp: call.lifecycle === 'wrapUp',
          done: call.commands.find((c) => c.command === 'wrapUpDone') ?? null
        };
      });
  }

  get empty(): boolean {
    return this.calls.length === 0;
  }

  /** V11: a call is up and not on hold, so a new dial must hold it first. */
  get liveCall(): boolean {
    return this.calls.some((c) => c.call.lifecycle === 'active' && !c.call.held);
  }

  get country(): string {
    return this.emergencyNumbers?.country ?? 'US';
  }

  get maxParties(): number | null {
    return this.channelSettings?.voice.maxConferenceParties ?? null;
  }

  get transcriptSides(): string | null {
    return this.channelSettings?.voice.transcriptSides ?? null;
  }

  get showDialer(): boolean {
    return this.empty || this.dialerOpen;
  }

  handleDialerToggle(): void {
    this.dialerOpen = !this.dialerOpen;
  }

  /** V9, V10: an agent-level command (dial) from the dialer or an emergency button. */
  handleAgentCommand(event: CustomEvent<{ command: string; args?: Record<string, unknown> }>): void {
    event.stopPropagation();
    this.dialerOpen = false;
    this.dispatchEvent(new CustomEvent('command', { detail: event.detail }));
  }

  /** V13: the wrap-up is finished; the call's Task is written. */
  handleDone(event: Event): void {
    const interactionId = (event.currentTarget as HTMLElement).dataset.id!;
    const call = this.calls.find((c) => c.id === interactionId);
    if (!call?.done?.enabled) return;
    this.dispatchEvent(new CustomEvent('command', { detail: { command: 'wrapUpDone', interactionId } }));
  }

  /** V8, V13, C3: Name, Related To, tags or notes chosen in the contact details (or its screen pop). */
  handleDetails(event: CustomEvent<{ interactionId: string; [field: string]: unknown }>): void {
    event.stopPropagation();
    const { interactionId, ...args } = event.detail;
    this.dispatchEvent(new CustomEvent('command', { detail: { command: 'setDetails', interactionId, args } }));
  }

  handleCommand(event: CustomEvent<{ command: string; interactionId: string; args?: Record<string, unknown> }>): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('command', { detail: event.detail }));
  }
}
