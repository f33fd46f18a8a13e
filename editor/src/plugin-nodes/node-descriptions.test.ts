import { describe, expect, it } from 'vitest';
import type { DescribeNodeRequest, DescribeNodesAnswer, NodeDescription } from '../api/types';
import { node } from '../store/test-fixtures';
import { NodeDescriptions, type Timers } from './node-descriptions';
import { pointsNode } from './test-catalog';

/** A clock moved by hand, and a server whose answers the test releases. */
function setup(options: { limit?: number } = {}) {
  let timer: { run: () => void; ms: number } | undefined;
  const timers: Timers = {
    set: (run, ms) => (timer = { run, ms }),
    clear: (handle) => {
      if (handle === timer) timer = undefined;
    },
  };
  const requests: DescribeNodeRequest[][] = [];
  const replies: { answer(nodes: DescribeNodesAnswer['nodes']): Promise<void>; fail(): Promise<void> }[] = [];
  const descriptions = new NodeDescriptions({
    types: new Set(['acme.addPoints']),
    timers,
    ...options,
    describe: (nodes) => {
      requests.push(nodes);
      return new Promise((resolve, reject) => {
        // Settled, then one turn of the microtask queue for the `then` that keeps the answer.
        replies.push({ answer: (answered) => Promise.resolve(resolve({ nodes: answered })).then(() => undefined), fail: () => Promise.resolve(reject(new Error('down'))).then(() => undefined) });
      });
    },
  });
  const elapse = () => {
    const due = timer;
    timer = undefined;
    due?.run();
  };
  return { descriptions, requests, replies, elapse, pending: () => timer };
}

const said = (summary: string | undefined, problems: NodeDescription['problems'] = []): NodeDescription => ({
  ...(summary === undefined ? {} : { summary }),
  outputs: [{ id: 'next', label: 'Next' }],
  problems,
});

describe('descriptions of custom-type nodes from the server', () => {
  it('asks only about custom-type nodes, once edits pause, in one request', () => {
    const { descriptions, requests, elapse, pending } = setup();
    const sms = node('sms', 'action.sendSms');
    descriptions.want([sms]);
    expect(pending()).toBeUndefined();

    descriptions.want([sms, pointsNode('p1', { points: 1, reason: 'a' })]);
    descriptions.want([sms, pointsNode('p1', { points: 12, reason: 'a' })]);
    expect(pending()?.ms).toBe(300);
    expect(requests).toEqual([]);
    elapse();
    // The config typed past while waiting is not asked about.
    expect(requests).toEqual([[{ id: 'p1', type: 'acme.addPoints', version: 2, config: { points: 12, reason: 'a' } }]]);
  });

  it('keeps answers by config: the same config again (undo, a copy) asks nothing', async () => {
    const { descriptions, requests, replies, elapse, pending } = setup();
    const first = pointsNode('p1', { points: 5, reason: 'a' });
    descriptions.want([first, pointsNode('p2', { points: 5, reason: 'a' })]);
    elapse();
    expect(requests[0]?.map((r) => r.id)).toEqual(['p1']);
    await replies[0]?.answer([{ id: 'p1', ...said('Add 5 points') }]);

    const copy = pointsNode('p2', { points: 5, reason: 'a' });
    expect([descriptions.current(first)?.summary, descriptions.current(copy)?.summary]).toEqual(['Add 5 points', 'Add 5 points']);
    descriptions.want([pointsNode('p1', { points: 5, reason: 'a' }), copy]);
    expect(pending()).toBeUndefined();
    expect(requests).toHaveLength(1);
  });

  it('shows a node’s previous answer while its new config is asked about, but counts only the exact one as current', async () => {
    const { descriptions, replies, elapse } = setup();
    descriptions.want([pointsNode('p1', { points: 5, reason: 'a' })]);
    elapse();
    await replies[0]?.answer([{ id: 'p1', ...said('Add 5 points') }]);

    const edited = pointsNode('p1', { points: 50, reason: 'a' });
    descriptions.want([edited]);
    expect([descriptions.shown(edited)?.summary, descriptions.current(edited)]).toEqual(['Add 5 points', undefined]);
    elapse();
    await replies[1]?.answer([{ id: 'p1', ...said('Add 50 points') }]);
    expect([descriptions.shown(edited)?.summary, descriptions.current(edited)?.summary]).toEqual(['Add 50 points', 'Add 50 points']);
    // Another node, or a built-in one, shows nothing it was not told.
    expect([descriptions.shown(pointsNode('p9')), descriptions.shown(node('p1', 'action.sendSms'))]).toEqual([undefined, undefined]);
  });

  it('tells its listeners when answers arrive', async () => {
    const { descriptions, replies, elapse } = setup();
    const heard: number[] = [];
    const stop = descriptions.subscribe(() => heard.push(descriptions.version()));
    descriptions.want([pointsNode('p1')]);
    elapse();
    await replies[0]?.answer([{ id: 'p1', ...said(undefined, [{ field: 'points', message: 'too many', severity: 'warning' }]) }]);
    stop();
    expect(heard).toEqual([1]);
    expect(descriptions.current(pointsNode('p1'))).toEqual(said(undefined, [{ field: 'points', message: 'too many', severity: 'warning' }]));
  });

  it('does not ask again about a config the server failed to describe, nor while a request is on its way', async () => {
    const { descriptions, requests, replies, elapse, pending } = setup();
    descriptions.want([pointsNode('p1')]);
    elapse();
    descriptions.want([pointsNode('p1')]);
    expect(pending()).toBeUndefined();
    await replies[0]?.fail();
    descriptions.want([pointsNode('p1')]);
    expect(pending()).toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(descriptions.shown(pointsNode('p1'))).toBeUndefined();
  });

  it('forgets the oldest answers past its limit, and asks nothing after cancel', async () => {
    const { descriptions, requests, replies, elapse, pending } = setup({ limit: 2 });
    const nodes = [1, 2, 3].map((points) => pointsNode(`p${points}`, { points, reason: 'a' }));
    descriptions.want(nodes);
    elapse();
    await replies[0]?.answer(nodes.map((n, i) => ({ id: n.id, ...said(`Add ${i + 1} points`) })));
    expect(nodes.map((n) => descriptions.current(n)?.summary)).toEqual([undefined, 'Add 2 points', 'Add 3 points']);

    descriptions.want([pointsNode('p4', { points: 4, reason: 'a' })]);
    descriptions.cancel();
    expect(pending()).toBeUndefined();
    expect(requests).toHaveLength(1);
  });

  it('does nothing when no type is described by the server', () => {
    const described = new NodeDescriptions({ types: new Set(), describe: () => Promise.reject(new Error('not called')) });
    described.want([pointsNode('p1')]);
    expect([described.active, described.shown(pointsNode('p1'))]).toEqual([false, undefined]);
  });
});
