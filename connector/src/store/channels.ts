// LISTEN takes its channel as an identifier, not a parameter, so only plain names get that far.
import { StoreError } from './errors';

export function checkChannelName(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new StoreError('BAD_CHANNEL_NAME', `Got "${channel}".`);
  return channel;
}
