/** What `/` shows while editor/dist does not exist: how to build the editor, and what works already. */
export function editorNotBuiltPage(links: { temporalUi?: string }): string {
  const temporal = links.temporalUi ? `<li><a href="${links.temporalUi}">Temporal UI</a>: every contact's workflow, live</li>` : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Nudgeflow: the editor is not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1e293b}a{color:#7c3aed}code{background:#f1f5f9;padding:0 .25rem}</style></head>
<body>
<h1>The editor is not built: run <code>npm run build</code></h1>
<p>Nudgeflow's API is running; the editor is a static bundle in <code>editor/dist</code> that this server shows here once it is built (<code>npm start</code> builds it for you). Reload this page after the build.</p>
<ul>
<li><a href="/api/docs">API documentation</a> (OpenAPI: <a href="/api/openapi.json">/api/openapi.json</a>)</li>
<li><a href="/api/health">Health</a> of Postgres, Temporal and the worker</li>
${temporal}
</ul>
</body>
</html>`;
}
