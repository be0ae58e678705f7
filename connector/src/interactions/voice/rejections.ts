// Refusals specific to the voice machine; merged into the shared catalogue in kernel/rejections.ts.
import type { RejectionText } from '../kernel/rejections';

export const voiceRejections = {} as const satisfies Record<string, RejectionText>;
