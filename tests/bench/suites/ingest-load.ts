import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { orderCreated, sendEvents } from './bench-events';

/*
 * The ingestion phases' load generator, in a process of its own: a shop's requests come from
 * elsewhere, and a generator sharing the API's event loop would spend the API's own thread
 * building and parsing requests (it did: single-event figures were bound by it).
 */

export interface IngestLoad {
  url: string;
  tag: string;
  /** PHONE_BLOCKS entry of the phase. */
  block: number;
  perRequest: number;
  concurrency: number;
  maxEvents: number;
  seconds: number;
}

export interface IngestResult {
  perSecond: number;
  accepted: number;
  /** CPU time the generator itself spent (ms): it is not part of the stack's figures. */
  generatorCpuMs: number;
}

/**
 * Closed loop: `concurrency` clients each send one request after the other until the time or the
 * event budget is used up. Returns the accepted events per second over the whole span.
 */
async function ingestRate(load: IngestLoad, log: (line: string) => void): Promise<IngestResult> {
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  const until = started + load.seconds * 1000;
  const client = async () => {
    while (performance.now() < until && next < load.maxEvents) {
      const first = next;
      next += load.perRequest;
      const events = Array.from({ length: load.perRequest }, (_, i) => orderCreated(`${load.tag}-${first + i}`, load.block, first + i));
      // Not `accepted += await ...`: that reads `accepted` before the await and loses the other clients' counts.
      const stored = await sendEvents(load.url, events, log);
      accepted += stored;
    }
  };
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: load.concurrency }, client));
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: accepted / ((performance.now() - started) / 1000), accepted, generatorCpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Runs one ingestion phase in a child process (Node with tsx, as the bench itself runs). */
export function ingestRateInChild(load: IngestLoad, log: (line: string) => void): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(load)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: IngestResult | undefined;
    child.on('message', (message: { log?: string; result?: IngestResult; error?: string }) => {
      if (message.log) log(message.log);
      if (message.result) result = message.result;
      if (message.error) reject(new Error(`the load generator failed: ${message.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`the load generator exited with code ${code} and no result`))));
  });
}

// Child side: started by ingestRateInChild with the load as its one argument.
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const send = process.send.bind(process);
  const load = JSON.parse(process.argv[2] ?? '{}') as IngestLoad;
  ingestRate(load, (line) => send({ log: line }))
    .then((result) => send({ result }, () => process.exit(0)))
    .catch((error: unknown) => send({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)));
}
