/** What an inbound SMS asks for: to get no more SMS, to get them again, or nothing we act on. */
export type OptOutRequest = { action: 'stop' | 'start'; keyword: string } | undefined;

// Twilio's (and the carriers') standard keywords; the whole message must be the keyword.
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const START_WORDS = new Set(['START', 'UNSTOP', 'YES']);

/**
 * Reads an inbound message. With Advanced Opt-Out, Twilio also says which kind of keyword it
 * matched (OptOutType), which covers the account's own keywords (e.g. "ARRET").
 */
export function optOutRequest(body: string, optOutType?: string): OptOutRequest {
  const keyword = body.trim().toUpperCase();
  if (STOP_WORDS.has(keyword) || optOutType === 'STOP') return { action: 'stop', keyword };
  if (START_WORDS.has(keyword) || optOutType === 'START') return { action: 'start', keyword };
  return undefined;
}
