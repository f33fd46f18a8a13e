import type { MessageChannel, SmsMessage } from './types';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** The sending number in E.164, or... */
  from?: string;
  /** ...a messaging service SID. */
  messagingServiceSid?: string;
  /** Another base URL for the API (a local stand-in in tests). */
  apiUrl?: string;
}

/** SMS through the twilio client. (Being built: issue 5.) */
export function twilioChannel(settings: TwilioSettings): MessageChannel<SmsMessage> {
  throw new Error(`the Twilio channel is not built yet (${settings.accountSid})`);
}
