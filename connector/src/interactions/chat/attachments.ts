// C5: which files a chat may carry. The same policy applies to what agents send and what customers send.
import type { ChatAttachmentPolicy } from './config';

export type AttachmentVerdict = 'ok' | 'ATTACHMENTS_NOT_SUPPORTED' | 'ATTACHMENT_TOO_LARGE' | 'ATTACHMENT_TYPE_BLOCKED';

export interface AttachmentFacts {
  name: string;
  contentType: string;
  sizeBytes: number;
}

/** The extension after the last dot, lower-cased ("Invoice.PDF.exe" -> "exe"); '' when there is none. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 || dot === base.length - 1 ? '' : base.slice(dot + 1).toLowerCase();
}

/** "Application/X-SH; charset=utf-8" -> "application/x-sh". */
export function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export function checkAttachment(file: AttachmentFacts, policy: ChatAttachmentPolicy): AttachmentVerdict {
  if (!policy.allowed) return 'ATTACHMENTS_NOT_SUPPORTED';
  if (file.sizeBytes > policy.maxBytes) return 'ATTACHMENT_TOO_LARGE';
  const extension = extensionOf(file.name);
  if (extension !== '' && policy.blockedExtensions.some((blocked) => blocked.toLowerCase() === extension)) {
    return 'ATTACHMENT_TYPE_BLOCKED';
  }
  const mediaType = mediaTypeOf(file.contentType);
  if (policy.blockedContentTypes.some((blocked) => blocked.toLowerCase() === mediaType)) {
    return 'ATTACHMENT_TYPE_BLOCKED';
  }
  return 'ok';
}
