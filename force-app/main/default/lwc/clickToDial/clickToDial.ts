// V12: click-to-dial from a record page. Salesforce's own click-to-dial needs Open CTI, which this product does not
// use, so an admin puts this component on a record page instead: it reads the phone fields the admin chose
// (`phoneFields`, e.g. "Phone,MobilePhone") with getRecord and shows each number that is set as a "Call <number>"
// button. A press publishes {number, recordId, source: 'clickToDial'} on the Softphone_Dial__c message channel; the
// softphone in the utility bar hears it and sends the connector's `dial` command when the snapshot allows it, so the
// call is logged like any call, with this record as its Name or Related To (V13). It decides nothing about dialling.
import { LightningElement, api, wire } from 'lwc';
import { getRecord, type RecordRepresentation, type RecordResult } from 'lightning/uiRecordApi';
import { MessageContext, publish, type MessageContextValue } from 'lightning/messageService';
import SOFTPHONE_DIAL from '@salesforce/messageChannel/Softphone_Dial__c';
import { formatLabel } from 'c/utilityBadge';
import LABEL_TITLE from '@salesforce/label/c.ClickToDial_Title';
import LABEL_CALL from '@salesforce/label/c.ClickToDial_Call';
import LABEL_REQUESTED from '@salesforce/label/c.ClickToDial_Requested';
import LABEL_NO_NUMBERS from '@salesforce/label/c.ClickToDial_NoNumbers';
import LABEL_READ_ERROR from '@salesforce/label/c.ClickToDial_ReadError';

/** The channel's lightningMessageFields, in the metadata's order (messageChannels/Softphone_Dial). */
export const DIAL_FIELDS = ['number', 'recordId', 'source'] as const;

/** A message on Softphone_Dial__c: call this number, for this record. */
export interface DialRequest {
  number: string;
  recordId?: string;
  source: 'clickToDial';
}

/** A dial request from the channel, or null for anything else on it (an empty number, another source). */
export function dialRequestOf(message: unknown): DialRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const { number, recordId, source } = message as { [field: string]: unknown };
  if (source !== 'clickToDial' || typeof number !== 'string' || number.trim() === '') return null;
  return {
    number: number.trim(),
    ...(typeof recordId === 'string' && recordId !== '' ? { recordId } : {}),
    source: 'clickToDial'
  };
}

interface NumberButton {
  key: string;
  number: string;
  label: string;
}

/** A field's API name as an admin writes it in the design property; anything else is ignored. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export default class ClickToDial extends LightningElement {
  /** The record page's record. */
  @api recordId?: string;
  /** The record page's object (Contact, Account, Case, ...). */
  @api objectApiName?: string;
  /** The admin's choice: the phone fields to offer, comma-separated API names. */
  @api phoneFields = 'Phone,MobilePhone';

  @wire(MessageContext) messageContext?: MessageContextValue;

  record: RecordRepresentation | null = null;
  readError = false;
  /** Said politely after a press: the softphone took over. */
  requested = '';

  readonly labels = { title: LABEL_TITLE, noNumbers: LABEL_NO_NUMBERS, readError: LABEL_READ_ERROR };

  get fieldNames(): string[] {
    const names = (this.phoneFields ?? '').split(',').map((name) => name.trim());
    return [...new Set(names.filter((name) => FIELD_NAME.test(name)))];
  }

  /** Optional, so a field the object does not have (Account has no MobilePhone) is left out, not an error. */
  get optionalFields(): string[] | undefined {
    if (!this.objectApiName || this.fieldNames.length === 0) return undefined;
    return this.fieldNames.map((name) => `${this.objectApiName}.${name}`);
  }

  @wire(getRecord, { recordId: '$recordId', optionalFields: '$optionalFields' })
  wiredRecord({ data, error }: RecordResult): void {
    if (data) {
      this.record = data;
      this.readError = false;
    } else if (error) {
      this.record = null;
      this.readError = true;
    }
  }

  /** Each chosen field that holds a number, in the admin's order; the same number twice is offered once. */
  get numbers(): NumberButton[] {
    const fields = this.record?.fields ?? {};
    const seen = new Set<string>();
    const buttons: NumberButton[] = [];
    for (const name of this.fieldNames) {
      const value = fields[name]?.value;
      if (typeof value !== 'string' || value.trim() === '') continue;
      const number = value.trim();
      if (seen.has(number)) continue;
      seen.add(number);
      buttons.push({ key: name, number, label: formatLabel(LABEL_CALL, number) });
    }
    return buttons;
  }

  get hasNumbers(): boolean {
    return this.numbers.length > 0;
  }

  get noNumbers(): boolean {
    return this.record !== null && !this.hasNumbers;
  }

  handleCall(event: Event): void {
    const number = (event.currentTarget as HTMLElement).dataset.number;
    if (!number) return;
    const request: DialRequest = {
      number,
      ...(this.recordId ? { recordId: this.recordId } : {}),
      source: 'clickToDial'
    };
    publish(this.messageContext, SOFTPHONE_DIAL, request);
    this.requested = formatLabel(LABEL_REQUESTED, number);
  }
}
