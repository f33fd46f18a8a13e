/**
 * New node and edge ids. Readable ones ("send_sms_2", "e_3") because marketers see node ids in
 * problems and exports; injectable so tests get predictable ids.
 */
export type IdGenerator = (base: string, taken: ReadonlySet<string>) => string;

/** "action.sendSms" → "send_sms"; "wait.untilEvent" → "until_event". */
export function idBaseForType(type: string): string {
  const last = type.split('.').pop() ?? type;
  const snake = last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .toLowerCase()
    .replace(/^_+|_+$/g, '');
  // Leaves room for the "_123" suffix inside the schema's 64-character limit.
  return (snake || 'node').slice(0, 48);
}

/** The first free "<base>_<n>", counting from 1. */
export const readableIds: IdGenerator = (base, taken) => {
  for (let n = 1; ; n += 1) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
};

/** Gives out several ids in a row, each one unique against the graph and the ones before it. */
export function idAllocator(generate: IdGenerator, existing: Iterable<string>): (base: string) => string {
  const taken = new Set(existing);
  return (base) => {
    const id = generate(base, taken);
    taken.add(id);
    return id;
  };
}
