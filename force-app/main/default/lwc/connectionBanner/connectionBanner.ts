// What the agent must know about the plumbing, and nothing when all is well: connecting, reconnecting (work goes on
// at the connector), signed out (with Sign in), and Salesforce sync delayed or paused with its reason (S7).
import { LightningElement, api } from 'lwc';
import type { SyncHealth } from 'c/connectorProtocol';
import type { ConnectionState } from 'c/connectorClient';
import { formatLabel } from 'c/utilityBadge';
import LABEL_CONNECTING from '@salesforce/label/c.Connection_Connecting';
import LABEL_RECONNECTING from '@salesforce/label/c.Connection_Reconnecting';
import LABEL_SIGNED_OUT from '@salesforce/label/c.Connection_SignedOut';
import LABEL_SIGN_IN from '@salesforce/label/c.Connection_SignIn';
import LABEL_SYNC_DELAYED from '@salesforce/label/c.Sync_Delayed';
import LABEL_SYNC_PAUSED from '@salesforce/label/c.Sync_Paused';
import LABEL_REASON_UNAVAILABLE from '@salesforce/label/c.SyncReason_Unavailable';
import LABEL_REASON_LIMIT from '@salesforce/label/c.SyncReason_Limit';
import LABEL_REASON_AUTH from '@salesforce/label/c.SyncReason_Auth';
import LABEL_REASON_BACKLOG from '@salesforce/label/c.SyncReason_Backlog';
import LABEL_REASON_OTHER from '@salesforce/label/c.SyncReason_Other';
import LABEL_POPUP_BLOCKED from '@salesforce/label/c.SignIn_PopupBlocked';
import LABEL_SIGN_IN_CANCELLED from '@salesforce/label/c.SignIn_Cancelled';
import LABEL_ACCESS_DENIED from '@salesforce/label/c.SignIn_AccessDenied';
import LABEL_SIGN_IN_FAILED from '@salesforce/label/c.SignIn_Failed';

/** connectorSession's failure codes the agent can act on; the rest read "try again, or tell your admin". */
const SIGN_IN_ERRORS: { [code: string]: string } = {
  POPUP_BLOCKED: LABEL_POPUP_BLOCKED,
  SIGN_IN_CANCELLED: LABEL_SIGN_IN_CANCELLED,
  ACCESS_DENIED: LABEL_ACCESS_DENIED
};

/** The flusher's reason codes (connector/src/salesforce/failures.ts), grouped as an agent needs them. */
const SYNC_REASONS: { [code: string]: string } = {
  SERVER_UNAVAILABLE: LABEL_REASON_UNAVAILABLE,
  UNKNOWN_EXCEPTION: LABEL_REASON_UNAVAILABLE,
  TIMEOUT: LABEL_REASON_UNAVAILABLE,
  NETWORK: LABEL_REASON_UNAVAILABLE,
  QUERY_TIMEOUT: LABEL_REASON_UNAVAILABLE,
  REQUEST_RUNNING_TOO_LONG: LABEL_REASON_UNAVAILABLE,
  UNABLE_TO_LOCK_ROW: LABEL_REASON_UNAVAILABLE,
  REQUEST_LIMIT_EXCEEDED: LABEL_REASON_LIMIT,
  API_CURRENTLY_DISABLED: LABEL_REASON_LIMIT,
  AUTH_FAILED: LABEL_REASON_AUTH,
  INVALID_SESSION_ID: LABEL_REASON_AUTH,
  BACKLOG: LABEL_REASON_BACKLOG
};

interface Notice {
  text: string;
  theme: string;
  signIn: boolean;
}

export default class ConnectionBanner extends LightningElement {
  @api state: ConnectionState = 'connecting';
  @api sync: SyncHealth | null = null;
  /** Why the last sign-in did not work (a connectorSession code), shown with the Sign in button. */
  @api signInError: string | null = null;

  readonly signInLabel = LABEL_SIGN_IN;

  get notice(): Notice | null {
    switch (this.state) {
      case 'connecting':
        return { text: LABEL_CONNECTING, theme: 'info', signIn: false };
      case 'reconnecting':
        return { text: LABEL_RECONNECTING, theme: 'warning', signIn: false };
      case 'signedOut':
      case 'closed': {
        const why = this.signInError ? (SIGN_IN_ERRORS[this.signInError] ?? LABEL_SIGN_IN_FAILED) : null;
        return { text: why ?? LABEL_SIGNED_OUT, theme: 'error', signIn: true };
      }
      default:
        break;
    }
    if (!this.sync || this.sync.state === 'ok') return null;
    const reason = SYNC_REASONS[this.sync.reason ?? ''] ?? LABEL_REASON_OTHER;
    const label = this.sync.state === 'paused' ? LABEL_SYNC_PAUSED : LABEL_SYNC_DELAYED;
    return { text: formatLabel(label, reason), theme: 'warning', signIn: false };
  }

  get noticeClass(): string {
    return `slds-notify slds-notify_alert slds-theme_alert-texture slds-theme_${this.notice?.theme ?? 'info'}`;
  }

  handleSignIn(): void {
    this.dispatchEvent(new CustomEvent('signin'));
  }
}
