import { afterAll, beforeAll } from 'vitest';
import { smtpChannel, type SmtpChannel } from './smtp';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server';

export interface TestSmtp {
  /** The server: what it received, and how it answers next (valid between beforeAll and afterAll). */
  readonly server: SmtpTestServer;
  /** The SMTP channel to it, sending from "Shop <shop@example.com>". */
  readonly channel: SmtpChannel;
}

/**
 * For a vitest file: a real SMTP server in this process (startSmtpTestServer) and the SMTP channel
 * to it, started in beforeAll and closed in afterAll.
 */
export function useTestSmtp(): TestSmtp {
  let started: { server: SmtpTestServer; channel: SmtpChannel } | undefined;
  const get = () => {
    if (!started) throw new Error('the test SMTP server is only available inside tests (after beforeAll)');
    return started;
  };

  beforeAll(async () => {
    const server = await startSmtpTestServer();
    started = { server, channel: smtpChannel({ url: server.url, from: 'Shop <shop@example.com>' }) };
  });

  afterAll(async () => {
    started?.channel.close();
    await started?.server.stop();
  });

  return {
    get server() {
      return get().server;
    },
    get channel() {
      return get().channel;
    },
  };
}
