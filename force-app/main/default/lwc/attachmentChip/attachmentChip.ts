// C5, D7: one file as a chip, in a message or waiting in the composer.
//
// @api attachment  the protocol's attachment shape {id, name, contentType, sizeBytes, caption?} (AttachmentRef)
// @api removable   true: a remove button (the composer's files not yet sent); fires `remove {id}`
// @api reason      a refused file: the sentence saying why (already a label); the chip shows it as an error and the
//                  chip's remove button is described by it
// The name is truncated, in full in its title; the size is in B, KB or MB.
import { LightningElement, api } from 'lwc';
import type { AttachmentRef } from 'c/connectorProtocol';
import { formatLabel } from 'c/utilityBadge';
import LABEL_BYTES from '@salesforce/label/c.Attachment_SizeBytes';
import LABEL_KB from '@salesforce/label/c.Attachment_SizeKb';
import LABEL_MB from '@salesforce/label/c.Attachment_SizeMb';
import LABEL_REMOVE from '@salesforce/label/c.Attachment_Remove';
import LABEL_FILE from '@salesforce/label/c.Attachment_File';

/** A file size as people read it: 980 B, 47.1 KB, 10 MB. */
export function formatSize(bytes: number): string {
  const number = (value: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return formatLabel(LABEL_BYTES, number(bytes));
  if (bytes < 1024 * 1024) return formatLabel(LABEL_KB, number(bytes / 1024));
  return formatLabel(LABEL_MB, number(bytes / (1024 * 1024)));
}

export default class AttachmentChip extends LightningElement {
  @api attachment: AttachmentRef | null = null;
  @api removable = false;
  @api reason: string | null = null;

  readonly fileLabel = LABEL_FILE;

  get fileName(): string {
    return this.attachment?.name ?? '';
  }

  get sizeText(): string {
    return formatSize(this.attachment?.sizeBytes ?? 0);
  }

  get chipTitle(): string {
    return `${this.fileName} (${this.sizeText})`;
  }

  get pillClass(): string {
    return `slds-pill slds-m-top_xx-small${this.reason ? ' slds-has-error' : ''}`;
  }

  get icon(): string {
    return this.reason ? 'utility:error' : 'utility:attach';
  }

  get removeLabel(): string {
    return formatLabel(LABEL_REMOVE, this.fileName);
  }

  handleRemove(): void {
    if (!this.attachment) return;
    this.dispatchEvent(new CustomEvent('remove', { detail: { id: this.attachment.id } }));
  }
}
