// Refusals specific to the presence machine; merged into the shared catalogue in kernel/rejections.ts.
import type { RejectionText } from '../kernel/rejections';

export const presenceRejections = {} as const satisfies Record<string, RejectionText>;
