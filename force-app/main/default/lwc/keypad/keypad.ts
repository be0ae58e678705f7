// V2, V4, V9: the keypad, a 3 x 4 grid of real buttons (1-9, *, 0, #) beside a field that also takes typing.
//
// @api mode               'dial' (default): a number field; under it the E.164 form it will dial (c/phoneNumber, the
//                         connector's rules); the action button works only for a valid number (or an emergency code
//                         in `emergencyNumbers`); pressing it or Enter in the field fires `dial {number}` with that
//                         E.164 form (the emergency code as typed).
//                         'digits': DTMF; every key pressed or typed (0-9 * #) fires `digits {digits}` at once; the
//                         field shows the tones sent so far.
// @api defaultCountry     ISO 3166 alpha-2 country whose national formats are read ('US' by default).
// @api emergencyNumbers   dial mode: short codes dialled as typed (the emergencyNumbers directory's `numbers`, V10).
// @api actionLabel        dial mode: the action button's label ('Call' by default; 'Consult', 'Choose' ...).
// @api unavailableReason  visible text why dialling or sending tones does not work now (from the snapshot's
//                         labelKey, or "choose a skill"); the action (dial) or the whole grid (digits) is disabled and
//                         described by it. V10: an emergency number typed in dial mode is never blocked by it.
// @api value              dial mode: the number in the field (set to prefill it, e.g. click-to-dial).
// Events: `dial {number}`, `digits {digits}` (neither bubbles).
import { LightningElement, api } from 'lwc';
import { dialString, isEmergency } from 'c/phoneNumber';
import { formatLabel } from 'c/utilityBadge';
import LABEL_NUMBER from '@salesforce/label/c.Keypad_Number';
import LABEL_DIALS from '@salesforce/label/c.Keypad_Dials';
import LABEL_INVALID from '@salesforce/label/c.Keypad_Invalid';
import LABEL_CALL from '@salesforce/label/c.Keypad_Call';
import LABEL_DELETE from '@salesforce/label/c.Keypad_Delete';
import LABEL_KEYS from '@salesforce/label/c.Keypad_Keys';
import LABEL_STAR from '@salesforce/label/c.Keypad_Star';
import LABEL_HASH from '@salesforce/label/c.Keypad_Hash';
import LABEL_TONES from '@salesforce/label/c.Keypad_Tones';

export type KeypadMode = 'dial' | 'digits';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const NAMES: { [key: string]: string } = { '*': LABEL_STAR, '#': LABEL_HASH };
const TONE = /^[0-9*#]$/;
/** What may be typed into the number field: digits, + and the separators people write numbers with. */
const TYPABLE = /^[0-9+*#\s().\-/]$/;

let uid = 0;

export default class Keypad extends LightningElement {
  @api mode: KeypadMode = 'dial';
  @api defaultCountry = 'US';
  @api emergencyNumbers: string[] = [];
  @api actionLabel: string | null = null;
  @api unavailableReason: string | null = null;

  @api
  get value(): string {
    return this.typed;
  }
  set value(value: string) {
    this.typed = value ?? '';
  }

  typed = '';
  /** Digits mode: the tones sent while this keypad is shown. */
  sent = '';

  private readonly uid = `keypad-${++uid}`;
  readonly labels = { number: LABEL_NUMBER, delete: LABEL_DELETE, keys: LABEL_KEYS, tones: LABEL_TONES };

  get dialMode(): boolean {
    return this.mode !== 'digits';
  }

  get fieldId(): string {
    return `${this.uid}-field`;
  }
  get hintId(): string {
    return `${this.uid}-hint`;
  }
  get reasonId(): string {
    return `${this.uid}-reason`;
  }

  get keys(): { key: string; name: string | null }[] {
    return KEYS.map((key) => ({ key, name: NAMES[key] ?? null }));
  }

  /** What pressing the action would dial, or null. */
  get dialled(): string | null {
    return dialString(this.typed, this.defaultCountry || 'US', this.emergencyNumbers);
  }

  get hint(): string | null {
    if (!this.dialMode || this.typed.trim() === '') return null;
    const dialled = this.dialled;
    return dialled ? formatLabel(LABEL_DIALS, dialled) : LABEL_INVALID;
  }

  get hintClass(): string {
    return `slds-form-element__help${this.dialled ? '' : ' slds-text-color_weak'}`;
  }

  get actionText(): string {
    return this.actionLabel || LABEL_CALL;
  }

  get actionDisabled(): boolean {
    if (this.dialled === null) return true;
    return Boolean(this.unavailableReason) && !isEmergency(this.typed, this.emergencyNumbers);
  }

  get keysDisabled(): boolean {
    return !this.dialMode && Boolean(this.unavailableReason);
  }

  get describedBy(): string | null {
    const ids = [];
    if (this.hint) ids.push(this.hintId);
    if (this.unavailableReason) ids.push(this.reasonId);
    return ids.length ? ids.join(' ') : null;
  }

  get reasonDescribedBy(): string | null {
    return this.unavailableReason ? this.reasonId : null;
  }

  get deleteDisabled(): boolean {
    return this.typed === '';
  }

  handleKey(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key!;
    if (this.dialMode) this.typed += key;
    else this.tone(key);
  }

  handleInput(event: Event): void {
    this.typed = (event.target as HTMLInputElement).value;
  }

  /** Dial mode: only number characters are typed; Enter dials. Digits mode: each tone goes out as it is typed. */
  handleKeydown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (this.dialMode) this.handleDial();
      return;
    }
    if (event.key.length !== 1) return;
    if (this.dialMode) {
      if (!TYPABLE.test(event.key)) event.preventDefault();
      return;
    }
    event.preventDefault();
    if (TONE.test(event.key)) this.tone(event.key);
  }

  handleDelete(): void {
    this.typed = this.typed.slice(0, -1);
  }

  handleDial(): void {
    const number = this.dialled;
    if (this.actionDisabled || number === null) return;
    this.dispatchEvent(new CustomEvent('dial', { detail: { number } }));
  }

  private tone(digits: string): void {
    if (this.keysDisabled) return;
    this.sent += digits;
    this.dispatchEvent(new CustomEvent('digits', { detail: { digits } }));
  }
}
