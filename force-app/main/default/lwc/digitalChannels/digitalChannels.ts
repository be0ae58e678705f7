// D1: the digital channels as agents read them: each channel's name and SLDS icon, shared by the inbox, the switcher,
// the conversation and the outbound forms. Service module, no template.
import LABEL_EMAIL from '@salesforce/label/c.Digital_ChannelEmail';
import LABEL_SMS from '@salesforce/label/c.Digital_ChannelSms';
import LABEL_WHATSAPP from '@salesforce/label/c.Digital_ChannelWhatsapp';
import LABEL_MESSENGER from '@salesforce/label/c.Digital_ChannelMessenger';
import LABEL_INSTAGRAM from '@salesforce/label/c.Digital_ChannelInstagram';
import LABEL_X from '@salesforce/label/c.Digital_ChannelX';
import LABEL_CHAT from '@salesforce/label/c.Digital_ChannelChat';

const ICONS: { [channel: string]: string } = {
  chat: 'standard:live_chat',
  email: 'standard:email',
  sms: 'standard:sms',
  whatsapp: 'standard:messaging_conversation',
  messenger: 'standard:messaging_user',
  instagram: 'standard:social',
  x: 'standard:social'
};
const NAMES: { [channel: string]: string } = {
  chat: LABEL_CHAT,
  email: LABEL_EMAIL,
  sms: LABEL_SMS,
  whatsapp: LABEL_WHATSAPP,
  messenger: LABEL_MESSENGER,
  instagram: LABEL_INSTAGRAM,
  x: LABEL_X
};

/** The channel's SLDS icon name. */
export function channelIcon(channel: string): string {
  return Object.prototype.hasOwnProperty.call(ICONS, channel) ? ICONS[channel]! : 'standard:messaging_conversation';
}

/** The channel's name in the agent's language (brand names stay as they are). */
export function channelName(channel: string): string {
  return Object.prototype.hasOwnProperty.call(NAMES, channel) ? NAMES[channel]! : channel;
}
