// Refusals specific to the chat machine; merged into the shared catalogue in kernel/rejections.ts.
import type { RejectionText } from '../kernel/rejections';

export const chatRejections = {} as const satisfies Record<string, RejectionText>;
