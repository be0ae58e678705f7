// V13: Name, Related To, dispositions, tags and notes, editable during the call and in wrap-up.
import { refuse } from '../kernel/rejections';
import type { Transition } from '../kernel/types';
import { scanText } from '../pci/guard';
import type { CallDetailsPatch } from './commands';
import type { VoiceConfig } from './config';
import type { VoiceState } from './state';

/** Notes go to the Task (S5), so they pass the PCI guard (C6) like any stored text. */
export function setDetails(state: VoiceState, patch: CallDetailsPatch, config: VoiceConfig): Transition<VoiceState> {
  let notes = state.details.notes;
  if (patch.notes !== undefined) {
    const scan = scanText(patch.notes, config.pci);
    if (scan.flagged && config.pci.mode === 'drop') return refuse('PCI_BLOCKED');
    notes = scan.redacted;
  }
  const details = {
    whoId: patch.whoId === undefined ? state.details.whoId : patch.whoId,
    whatId: patch.whatId === undefined ? state.details.whatId : patch.whatId,
    dispositions: patch.dispositions ?? state.details.dispositions,
    tags: patch.tags ?? state.details.tags,
    notes
  };
  return { ok: true, state: { ...state, details }, effects: [] };
}
