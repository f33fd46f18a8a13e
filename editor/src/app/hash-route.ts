/** The editor's pages, addressed by the URL hash (#/flows, #/flows/<id>, #/messages) so the server serves one page. */
export type Route = { page: 'flows' } | { page: 'editor'; flowId: string } | { page: 'messages' } | { page: 'not found'; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/flows') return { page: 'flows' };
  if (path === '/messages') return { page: 'messages' };
  const editor = /^\/flows\/([^/]+)$/.exec(path);
  if (editor?.[1]) {
    try {
      return { page: 'editor', flowId: decodeURIComponent(editor[1]) };
    } catch {
      return { page: 'not found', hash };
    }
  }
  return { page: 'not found', hash };
}

export const flowsHref = '#/flows';
export const messagesHref = '#/messages';

export function editorHref(flowId: string): string {
  return `#/flows/${encodeURIComponent(flowId)}`;
}

export function navigate(href: string): void {
  window.location.hash = href;
}
