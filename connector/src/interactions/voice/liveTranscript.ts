// V14: the live transcript is shown during the call only, never stored, and paused while held or masked.
import { refuse } from '../kernel/rejections';
import type { Instant, Transition } from '../kernel/types';
import { scanText } from '../pci/guard';
import type { VoiceConfig } from './config';
import type { VoiceProviderEvent } from './events';
import type { VoiceState } from './state';

type Segment = Extract<VoiceProviderEvent, { type: 'transcriptSegment' }>;

const shows = (sides: VoiceConfig['liveTranscript']['sides'], side: Segment['side']): boolean =>
  sides === 'both' || sides === side;

/** Adds (or revises) a segment; the call must be connected, which the caller checked. */
export function addSegment(
  state: VoiceState,
  segment: Segment,
  at: Instant,
  config: VoiceConfig
): Transition<VoiceState> {
  if (!shows(config.liveTranscript.sides, segment.side)) return refuse('TRANSCRIPT_SIDE_HIDDEN');
  if (state.held || state.masked) return refuse('TRANSCRIPT_PAUSED');
  // Always redact: a transcript line cannot be "not sent", and speech-to-text must never show a spoken card number.
  const text = scanText(segment.text, config.pci).redacted;
  const entry = { id: segment.segmentId, at, side: segment.side, text, final: segment.final };
  const index = state.liveTranscript.findIndex((existing) => existing.id === segment.segmentId);
  const segments =
    index === -1
      ? [...state.liveTranscript, entry]
      : state.liveTranscript.map((existing, i) => (i === index ? { ...entry, at: existing.at } : existing));
  return {
    ok: true,
    state: { ...state, liveTranscript: segments.slice(-config.liveTranscript.maxSegments) },
    effects: []
  };
}
