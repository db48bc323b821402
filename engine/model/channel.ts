// The four messaging channels and the rules the seed guides give for each.

export const CHANNELS = ['facebook', 'sms', 'whatsapp', 'livechat'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChannelRules {
  /** How long an offer may go unanswered before RONA. */
  ronaTimeoutMs: number;
  /** Longest reply an agent may send, in characters (code points). */
  replyLimit: number;
  /** Characters an agent's message may not hold (Livechat reserves `<` `>` for template parameters). */
  reservedChars: string;
  /** Whether the customer can end the chat from their side (Livechat's widget). */
  customerCanEnd: boolean;
  /** Whether a conference may be requested to a queue, not only to an agent (WhatsApp). */
  conferenceToQueue: boolean;
}

// Reply limits from the seed guides: Messenger, SMS and Livechat 1000, WhatsApp 4096.
// The guides give no RONA timeout; 30 s is a common platform default for chat.
export const DEFAULT_CHANNEL_RULES: Readonly<Record<Channel, ChannelRules>> = {
  facebook: { ronaTimeoutMs: 30_000, replyLimit: 1000, reservedChars: '', customerCanEnd: false, conferenceToQueue: false },
  sms: { ronaTimeoutMs: 30_000, replyLimit: 1000, reservedChars: '', customerCanEnd: false, conferenceToQueue: false },
  whatsapp: { ronaTimeoutMs: 30_000, replyLimit: 4096, reservedChars: '', customerCanEnd: false, conferenceToQueue: true },
  livechat: { ronaTimeoutMs: 30_000, replyLimit: 1000, reservedChars: '<>', customerCanEnd: true, conferenceToQueue: false },
};

export function isChannel(s: string): s is Channel {
  return (CHANNELS as readonly string[]).includes(s);
}
