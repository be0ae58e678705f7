// UI.md: the panel's help lists its keyboard shortcuts (c/shortcuts): accept, decline, hold, mute and end as
// Alt+Shift chords, and send as the message box's Enter (C4). A button in the softphone's header opens and closes the
// list (aria-expanded); Escape closes it and gives the focus back to the button.
import { LightningElement } from 'lwc';
import { SHORTCUTS, type ShortcutIntent } from 'c/shortcuts';
import { formatLabel } from 'c/utilityBadge';
import LABEL_TITLE from '@salesforce/label/c.Shortcuts_Title';
import LABEL_HINT from '@salesforce/label/c.Shortcuts_Hint';
import LABEL_CHORD from '@salesforce/label/c.Shortcuts_Chord';
import LABEL_ENTER from '@salesforce/label/c.Shortcuts_EnterKey';
import LABEL_ACCEPT from '@salesforce/label/c.Shortcuts_Accept';
import LABEL_DECLINE from '@salesforce/label/c.Shortcuts_Decline';
import LABEL_HOLD from '@salesforce/label/c.Shortcuts_Hold';
import LABEL_MUTE from '@salesforce/label/c.Shortcuts_Mute';
import LABEL_END from '@salesforce/label/c.Shortcuts_End';
import LABEL_SEND from '@salesforce/label/c.Shortcuts_Send';

const ACTIONS: Record<ShortcutIntent, string> = {
  accept: LABEL_ACCEPT,
  decline: LABEL_DECLINE,
  hold: LABEL_HOLD,
  mute: LABEL_MUTE,
  end: LABEL_END
};

export default class ShortcutHelp extends LightningElement {
  open = false;
  readonly labels = { title: LABEL_TITLE, hint: LABEL_HINT };

  get expanded(): string {
    return String(this.open);
  }

  /** One row per shortcut: what it does and the keys, in the agent's language. */
  get rows(): { key: string; action: string; keys: string }[] {
    return [
      ...SHORTCUTS.map((s) => ({ key: s.intent, action: ACTIONS[s.intent], keys: formatLabel(LABEL_CHORD, s.letter) })),
      { key: 'send', action: LABEL_SEND, keys: LABEL_ENTER }
    ];
  }

  handleToggle(): void {
    this.open = !this.open;
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.open) return;
    event.preventDefault();
    event.stopPropagation();
    this.open = false;
    this.template?.querySelector<HTMLButtonElement>('button')?.focus();
  }
}
