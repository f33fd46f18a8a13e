/** What `/` shows: where to go from here. */
export function landingPage(links: { temporalUi?: string }): string {
  const temporal = links.temporalUi ? `<li><a href="${links.temporalUi}">Temporal UI</a>: every contact's workflow, live</li>` : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Nudgeflow</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1e293b}a{color:#7c3aed}code{background:#f1f5f9;padding:0 .25rem}</style></head>
<body>
<h1>Nudgeflow is running</h1>
<ul>
<li><a href="/api/docs">API documentation</a> (OpenAPI: <a href="/api/openapi.json">/api/openapi.json</a>)</li>
<li><a href="/api/health">Health</a> of Postgres, Temporal and the worker</li>
${temporal}
</ul>
<p>Send events to <code>POST /api/events</code> with the <code>X-Api-Key</code> header; manage flows with the admin token.</p>
</body>
</html>`;
}
