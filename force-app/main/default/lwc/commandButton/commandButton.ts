// One of the snapshot's commands as a button: it works when the command's availability says `enabled` (and the
// parent's own `disabled` does not hold it back, e.g. an empty address), and a disabled one says why in visible text
// the button is described by (the availability's `labelKey`, through c/reasonLabels). The button decides nothing: a
// press while disabled fires nothing, and the parent still checks the snapshot before it sends.
//
// @api label         the button's text (a Custom Label)
// @api variant       'neutral' (default), 'brand', 'destructive' or 'text-destructive'
// @api availability  the snapshot's CommandAvailability of this command (null: not offered, so disabled)
// @api disabled      the parent's extra reason to hold the button back (nothing more is said for it)
// @api iconName      an optional utility icon before the text
// @api expanded      for a button that opens something (a picker, a form): 'true' / 'false' as aria-expanded
// @api stretch       the button takes the whole width
// @api quietReason   a sibling button already shows this same sentence: say it to assistive technology only
// Fires `press` (no detail) when pressed while enabled.
import { LightningElement, api } from 'lwc';
import type { CommandAvailability } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';

const VARIANTS: { [variant: string]: string } = {
  neutral: 'slds-button_neutral',
  brand: 'slds-button_brand',
  destructive: 'slds-button_destructive',
  'text-destructive': 'slds-button_text-destructive'
};

/** For a row of command buttons: which of them repeat a reason an earlier one already shows (said once). */
export function repeatedReasons(availabilities: (CommandAvailability | null | undefined)[]): boolean[] {
  const seen = new Set<string>();
  return availabilities.map((availability) => {
    const key = availability && !availability.enabled ? (availability.labelKey ?? null) : null;
    if (!key) return false;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}

export default class CommandButton extends LightningElement {
  @api label = '';
  @api variant = 'neutral';
  @api availability: CommandAvailability | null = null;
  @api disabled = false;
  @api iconName: string | null = null;
  @api expanded: string | boolean | null = null;
  @api stretch = false;
  @api quietReason = false;

  get isDisabled(): boolean {
    return !this.availability?.enabled || Boolean(this.disabled);
  }

  /** Why the command does not work now, when the snapshot says so. */
  get reason(): string | null {
    const availability = this.availability;
    return availability && !availability.enabled && availability.labelKey ? reasonText(availability.labelKey) : null;
  }

  get reasonId(): string | null {
    return this.reason ? 'reason' : null;
  }

  get reasonClass(): string {
    return this.quietReason ? 'slds-assistive-text' : 'slds-text-body_small slds-text-color_weak slds-m-top_xx-small';
  }

  get ariaExpanded(): string | null {
    return this.expanded === null || this.expanded === undefined ? null : String(this.expanded);
  }

  get buttonClass(): string {
    const variant = VARIANTS[this.variant] ?? VARIANTS.neutral;
    return `slds-button ${variant}${this.stretch ? ' slds-button_stretch' : ''}`;
  }

  handleClick(): void {
    if (this.isDisabled) return;
    this.dispatchEvent(new CustomEvent('press'));
  }
}
