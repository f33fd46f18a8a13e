import { writeSection } from './results-file';
import { channelsSuite } from './suites/channels';
import { editorSuite } from './suites/editor';
import { flowStatsSuite } from './suites/flow-stats';
import { interpreterSuite } from './suites/interpreter';
import { runtimeSuite } from './suites/runtime';

/** `npm run bench [suite...]`: runs the named suites (all by default) and rewrites their sections of RESULTS.md. */
const suites = {
  interpreter: { title: 'Validator and simulator', run: interpreterSuite },
  runtime: { title: 'Durable runtime on the embedded stack', run: runtimeSuite },
  editor: { title: 'Editor in headless Chromium', run: editorSuite },
  channels: { title: 'Email channel: rendering and SMTP', run: channelsSuite },
  stats: { title: 'Flow analytics queries', run: flowStatsSuite },
};

const wanted = process.argv.slice(2);
for (const name of wanted) if (!(name in suites)) throw new Error(`unknown suite "${name}"; known: ${Object.keys(suites).join(', ')}`);
for (const [name, suite] of Object.entries(suites)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`== ${name}`);
  const { rows, notes } = await suite.run();
  for (const r of rows) console.log(`  ${r.metric}: ${r.value.toFixed(2)} ${r.unit}${r.target ? ` (target ${r.target}: ${r.met ? 'met' : 'MISSED'})` : ''}`);
  await writeSection(name, suite.title, rows, notes);
}
console.log('results written to tests/bench/RESULTS.md');
