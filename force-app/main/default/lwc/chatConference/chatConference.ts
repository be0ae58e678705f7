// C9: a conference with other agents or supervisors. The owner invites (the snapshot's `conferenceInvite`, through
// c-target-picker: agents only) and may end the conference (`conferenceEnd`); an invited agent who joined may leave
// (`conferenceLeave`). Each member is listed Requested -> Active. End and Leave are shown only where the snapshot
// enables them (they are the owner's or the guest's, never both); Invite is shown disabled with its reason.
//
// @api chat    the snapshot's chat interaction (commands, conference[])
// @api agents  agents directory rows (live presence);  @api selfId  the agent's own id
// Fires `command {command, interactionId, args?}`.
import { LightningElement, api } from 'lwc';
import type { AgentEntry, ChatInteraction, CommandAvailability } from 'c/connectorProtocol';
import LABEL_INVITE from '@salesforce/label/c.ChatPanel_Invite';
import LABEL_END_CONFERENCE from '@salesforce/label/c.ChatPanel_EndConference';
import LABEL_LEAVE from '@salesforce/label/c.ChatPanel_LeaveConference';
import LABEL_MEMBERS from '@salesforce/label/c.ChatPanel_ConferenceMembers';
import LABEL_REQUESTED from '@salesforce/label/c.ChatPanel_ConferenceRequested';
import LABEL_ACTIVE from '@salesforce/label/c.ChatPanel_ConferenceActive';

export default class ChatConference extends LightningElement {
  @api chat: ChatInteraction | null = null;
  @api agents: AgentEntry[] = [];
  @api selfId: string | null = null;

  open = false;
  readonly labels = { invite: LABEL_INVITE, end: LABEL_END_CONFERENCE, leave: LABEL_LEAVE, members: LABEL_MEMBERS };
  readonly kinds = ['agent'];

  private find(command: string) {
    return this.chat?.commands.find((c) => c.command === command);
  }

  get invite(): CommandAvailability | null {
    return this.find('conferenceInvite') ?? null;
  }

  get inviteDisabled(): boolean {
    return !this.invite?.enabled;
  }

  /** The guest sees no Invite at all: it is the owner's. */
  get showInvite(): boolean {
    return this.find('conferenceInvite')?.reason !== 'NOT_OWNER';
  }

  get canEnd(): boolean {
    return Boolean(this.find('conferenceEnd')?.enabled);
  }

  get canLeave(): boolean {
    return Boolean(this.find('conferenceLeave')?.enabled);
  }

  get showPicker(): boolean {
    return this.open && !this.inviteDisabled;
  }

  get expanded(): string {
    return String(this.showPicker);
  }

  get members(): { agentId: string; name: string; state: string; badgeClass: string }[] {
    return (this.chat?.conference ?? []).map((m) => ({
      agentId: m.agentId,
      name: m.agentName ?? (this.agents ?? []).find((a) => a.agentId === m.agentId)?.name ?? m.agentId,
      state: m.state === 'Active' ? LABEL_ACTIVE : LABEL_REQUESTED,
      badgeClass: m.state === 'Active' ? 'slds-badge slds-badge_lightest state' : 'slds-badge state'
    }));
  }

  get hasMembers(): boolean {
    return this.members.length > 0;
  }

  handleToggle(): void {
    this.open = !this.open;
  }

  handleSelect(event: CustomEvent<{ target: { agentId?: string } }>): void {
    event.stopPropagation();
    this.open = false;
    const agentId = event.detail.target.agentId;
    if (agentId) this.send('conferenceInvite', { agentId });
  }

  handleEnd(): void {
    this.send('conferenceEnd');
  }

  handleLeave(): void {
    this.send('conferenceLeave');
  }

  private send(command: string, args?: Record<string, unknown>): void {
    if (!this.chat || !this.find(command)?.enabled) return;
    this.dispatchEvent(
      new CustomEvent('command', { detail: { command, interactionId: this.chat.id, ...(args ? { args } : {}) } })
    );
  }
}
