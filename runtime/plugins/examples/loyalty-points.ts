import { z } from 'zod';
import { definePlugin, PluginInputError } from '@nudgeflow/shared/plugins';

/*
 * Example action: credits loyalty points to the contact in an external loyalty program.
 *
 *   POST $LOYALTY_API_URL/points
 *   Authorization: Bearer $LOYALTY_API_KEY
 *   Idempotency-Key: <run>:<node>:<visit>    (the same on every retry)
 *   { "customerId", "email", "points", "reason", "orderId" }
 *
 * 2xx: "Next". 404 (the customer is not a member): "Not a member". Another 4xx: the node fails at
 * once (no retry can fix it). 5xx, 408, 429 and network errors: retried.
 *
 * Version 2 renamed the field `amount` to `points`; the migration below brings configs saved
 * under version 1 (and runs started under it) up to date.
 */
export default definePlugin({
  kind: 'action',
  type: 'acme.addLoyaltyPoints',
  title: 'Add loyalty points',
  description: 'Credit points to the customer in the Acme loyalty program.',
  icon: 'gift',
  config: z.object({
    points: z.number().int().positive().meta({ title: 'Points', description: 'How many points to add' }),
    reason: z.string().trim().min(1).max(200).meta({ title: 'Reason', description: "Shown in the customer's points history" }),
  }),
  defaults: { points: 50, reason: 'Thank you for your order' },
  outputs: [
    { id: 'next', label: 'Next' },
    { id: 'notMember', label: 'Not a member' },
  ],
  summary: (config) => `Add ${config.points} points: ${config.reason}`,
  check: (config) =>
    config.points > 10_000 ? [{ field: 'points', message: `${config.points} points is unusually many; is it a typo?`, severity: 'warning' }] : [],
  migrations: [
    {
      to: 2,
      up: ({ amount, ...rest }) => ({ ...rest, points: amount }),
      down: ({ points, ...rest }) => ({ ...rest, amount: points }),
    },
  ],
  secrets: ['LOYALTY_API_URL', 'LOYALTY_API_KEY'],
  maxAttempts: 5,
  timeoutSeconds: 10,

  async execute({ config, contact, order, run, idempotencyKey, secrets, signal, log }) {
    // A test run must not credit a real customer.
    if (run.test) return { detail: `test run: would add ${config.points} points` };

    const response = await fetch(`${secrets.LOYALTY_API_URL!.replace(/\/+$/, '')}/points`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secrets.LOYALTY_API_KEY}`,
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
      },
      body: JSON.stringify({
        customerId: contact.externalId ?? contact.id,
        email: contact.email,
        points: config.points,
        reason: config.reason,
        orderId: order?.id,
      }),
      signal,
    });
    if (response.status === 404) return { output: 'notMember', detail: 'not a member of the loyalty program' };
    if (response.status === 408 || response.status === 429 || response.status >= 500)
      throw new Error(`the loyalty API answered HTTP ${response.status}; trying again`);
    if (!response.ok) throw new PluginInputError(`the loyalty API refused the points: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);

    const body = (await response.json()) as { balance?: unknown };
    log('points added', { points: config.points, balance: body.balance });
    return { detail: typeof body.balance === 'number' ? `added ${config.points} points (balance ${body.balance})` : `added ${config.points} points` };
  },
});
