import { describe, expect, it } from 'vitest';
import { editorHref, messagesHref, parseRoute } from './hash-route';

describe('parseRoute', () => {
  it('opens the flows list by default', () => {
    expect(parseRoute('')).toEqual({ page: 'flows' });
    expect(parseRoute('#/')).toEqual({ page: 'flows' });
    expect(parseRoute('#/flows')).toEqual({ page: 'flows' });
    expect(parseRoute('#/flows/')).toEqual({ page: 'flows' });
  });

  it('opens a flow in the editor', () => {
    expect(parseRoute('#/flows/flow_4fQxYb2kPq9sLm3n')).toEqual({ page: 'editor', flowId: 'flow_4fQxYb2kPq9sLm3n' });
  });

  it('opens the message log', () => {
    expect(parseRoute(messagesHref)).toEqual({ page: 'messages' });
    expect(parseRoute('#/messages/')).toEqual({ page: 'messages' });
  });

  it('round-trips ids through editorHref', () => {
    expect(parseRoute(editorHref('a b/c'))).toEqual({ page: 'editor', flowId: 'a b/c' });
  });

  it('names anything else as not found', () => {
    expect(parseRoute('#/contacts')).toEqual({ page: 'not found', hash: '#/contacts' });
    expect(parseRoute('#/flows/a/b')).toEqual({ page: 'not found', hash: '#/flows/a/b' });
    expect(parseRoute('#/flows/%E0%A4%A')).toEqual({ page: 'not found', hash: '#/flows/%E0%A4%A' });
  });
});
