// The softphone's face in the utility bar: its label counts waiting offers and unread messages, it is highlighted while
// an offer rings, and a polite live region tells screen-reader users what changed.
import { LightningElement, api } from 'lwc';
import { setUtilityHighlighted, setUtilityLabel } from 'lightning/platformUtilityBarApi';
import LABEL_NAME from '@salesforce/label/c.UtilityBadge_Name';
import LABEL_NAME_WITH_COUNT from '@salesforce/label/c.UtilityBadge_NameWithCount';
import LABEL_OFFERS_WAITING from '@salesforce/label/c.UtilityBadge_OffersWaiting';
import LABEL_UNREAD from '@salesforce/label/c.UtilityBadge_Unread';

/** Fills {0}, {1}… in a Custom Label, as Salesforce's own format helpers do. */
export function formatLabel(label: string, ...values: (string | number)[]): string {
  return label.replace(/\{(\d+)\}/g, (match: string, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}

export default class UtilityBadge extends LightningElement {
  private offerCount = 0;
  private unreadCount = 0;

  /** Offers ringing for the agent now (voice and chat). */
  @api
  get offers(): number {
    return this.offerCount;
  }
  set offers(value: number) {
    this.offerCount = Math.max(0, Math.trunc(Number(value) || 0));
    this.sync();
  }

  /** Unread digital conversations (D2). */
  @api
  get unread(): number {
    return this.unreadCount;
  }
  set unread(value: number) {
    this.unreadCount = Math.max(0, Math.trunc(Number(value) || 0));
    this.sync();
  }

  get announcement(): string {
    const parts: string[] = [];
    if (this.offerCount > 0) parts.push(formatLabel(LABEL_OFFERS_WAITING, this.offerCount));
    if (this.unreadCount > 0) parts.push(formatLabel(LABEL_UNREAD, this.unreadCount));
    return parts.join(' ');
  }

  connectedCallback(): void {
    this.sync();
  }

  private sync(): void {
    if (!this.isConnected) return;
    const waiting = this.offerCount + this.unreadCount;
    const label = waiting > 0 ? formatLabel(LABEL_NAME_WITH_COUNT, waiting) : LABEL_NAME;
    // The utility bar may be absent (the component used on a record page): nothing to update then.
    setUtilityLabel({ label }).catch(() => undefined);
    setUtilityHighlighted({ highlighted: this.offerCount > 0 }).catch(() => undefined);
  }
}
