// One mechanism for "may this command run now?": a guard per command, used both to build the panel's command list
// and to refuse the command itself, so the buttons a panel shows can never disagree with what the machine accepts.
import { reject, type RejectionCode } from './rejections';
import type { CommandAvailability } from './types';

/** Returns null when the command may run, else the code of the reason it may not. */
export type Guard<S> = (state: S) => RejectionCode | null;

export function availabilityOf<S, C extends string>(guards: Record<C, Guard<S>>, state: S): CommandAvailability<C>[] {
  return (Object.keys(guards) as C[]).map((command) => {
    const reason = guards[command](state);
    if (reason === null) return { command, enabled: true };
    return { command, enabled: false, reason, labelKey: reject(reason).labelKey };
  });
}
