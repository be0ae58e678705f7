// Types for the platform modules the panels import; the org provides them at run time, jest mocks them in tests.
declare module 'lightning/platformUtilityBarApi' {
  export function setUtilityLabel(options: { label: string; utilityId?: string }): Promise<boolean>;
  export function setUtilityHighlighted(options: { highlighted: boolean; utilityId?: string }): Promise<boolean>;
  export function getEnclosingUtilityId(): Promise<string>;
  export function open(utilityId?: string): Promise<boolean>;
  export function minimize(utilityId?: string): Promise<boolean>;
}

declare module '@salesforce/label/c.*' {
  const label: string;
  export default label;
}

// S6, V13 (c/screenPop): the console's workspace tabs. sfdx-lwc-jest stubs these modules (its lightning-stubs).
declare module 'lightning/platformWorkspaceApi' {
  import type { WireAdapterConstructor } from 'lwc';
  export interface PageReference {
    type: string;
    attributes?: { [name: string]: string | undefined };
    state?: { [name: string]: string | undefined };
  }
  export interface TabInfo {
    tabId: string;
    url?: string;
    title?: string;
    customTitle?: string;
    icon?: string;
    iconAlt?: string;
    pinned?: boolean;
    closeable?: boolean;
    highlighted?: boolean;
    focused?: boolean;
    recordId?: string | null;
    pageReference?: PageReference;
    isSubtab?: boolean;
    parentTabId?: string | null;
    subtabs?: TabInfo[];
  }
  export interface OpenTabOptions {
    recordId?: string;
    url?: string;
    pageReference?: PageReference;
    focus?: boolean;
    overrideNavRules?: boolean;
    label?: string;
    icon?: string;
    iconAlt?: string;
  }
  export function openTab(options: OpenTabOptions): Promise<string>;
  export function openSubtab(parentTabId: string, options: OpenTabOptions): Promise<string>;
  export function focusTab(tabId: string): Promise<boolean>;
  export function closeTab(tabId: string): Promise<boolean>;
  export function getAllTabInfo(): Promise<TabInfo[]>;
  export function getFocusedTabInfo(): Promise<TabInfo>;
  export function getTabInfo(tabId: string): Promise<TabInfo>;
  export const IsConsoleNavigation: WireAdapterConstructor<Record<string, never>, boolean>;
  export const EnclosingTabId: WireAdapterConstructor<Record<string, never>, string | null>;
}

declare module 'lightning/pageReferenceUtils' {
  export function encodeDefaultFieldValues(values: { [field: string]: string | number | boolean | null }): string;
  export function decodeDefaultFieldValues(encoded: string): { [field: string]: string };
}

// Lightning Message Service, and its channels (the console's lightning__tab* channels among them).
declare module 'lightning/messageService' {
  import type { WireAdapterConstructor } from 'lwc';
  /** Opaque: what @wire(MessageContext) provides. */
  export interface MessageContextValue {
    readonly __messageContext?: never;
  }
  /** Opaque: what subscribe returns, for unsubscribe. */
  export interface MessageSubscription {
    readonly __subscription?: never;
  }
  export const MessageContext: WireAdapterConstructor<Record<string, never>, MessageContextValue>;
  export const APPLICATION_SCOPE: symbol;
  export function subscribe(
    context: MessageContextValue | undefined,
    channel: unknown,
    listener: (message: unknown) => void,
    options?: { scope?: symbol }
  ): MessageSubscription;
  export function unsubscribe(subscription: MessageSubscription): void;
  export function publish(context: MessageContextValue | undefined, channel: unknown, message?: unknown): void;
}

declare module '@salesforce/messageChannel/*' {
  const channel: unknown;
  export default channel;
}

// V12 (c/clickToDial): Lightning Data Service's record wire. sfdx-lwc-jest stubs it (its lightning-stubs).
declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';
  export interface FieldValueRepresentation {
    value: unknown;
    displayValue: string | null;
  }
  export interface RecordRepresentation {
    id: string;
    apiName: string;
    fields: { [fieldApiName: string]: FieldValueRepresentation | undefined };
  }
  /** What the wire provides: the record, or the error it was refused with. */
  export interface RecordResult {
    data?: RecordRepresentation;
    error?: unknown;
  }
  export const getRecord: WireAdapterConstructor<
    { recordId?: string; fields?: string[]; optionalFields?: string[] },
    RecordResult
  >;
}
