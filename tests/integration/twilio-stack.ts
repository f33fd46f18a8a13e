import { afterAll, beforeAll } from 'vitest';
import { startTwilioStandIn, type TwilioStandIn } from '../../runtime/src/channels/twilio-test-server';
import { useIntegrationStack, type IntegrationStack } from './stack-harness';

/** The number the stack's SMS are sent from. */
export const TWILIO_FROM = '+15005550006';

/**
 * The integration stack with SMS going through the real twilio client to a local stand-in of
 * Twilio's Messages API. Email goes to the outbox unless `env` says otherwise.
 */
export function useTwilioStack(env: () => Record<string, string> = () => ({})): { stack: IntegrationStack; twilio(): TwilioStandIn } {
  let standIn: TwilioStandIn | undefined;
  // Before the stack's own beforeAll: the worker needs the stand-in's address in its environment.
  beforeAll(async () => {
    standIn = await startTwilioStandIn();
  });
  afterAll(() => standIn?.close());
  const twilio = () => {
    if (!standIn) throw new Error('the Twilio stand-in has not started');
    return standIn;
  };
  const stack = useIntegrationStack({
    env: () => ({ TWILIO_ACCOUNT_SID: twilio().accountSid, TWILIO_AUTH_TOKEN: twilio().authToken, TWILIO_FROM, TWILIO_API_URL: twilio().url, ...env() }),
  });
  return { stack, twilio };
}
