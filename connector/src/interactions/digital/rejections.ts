// Refusals specific to the digital machine; merged into the shared catalogue in kernel/rejections.ts.
import type { RejectionText } from '../kernel/rejections';

export const digitalRejections = {} as const satisfies Record<string, RejectionText>;
