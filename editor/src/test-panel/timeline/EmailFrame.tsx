/** An email's HTML, sandboxed without permissions: it cannot run scripts, submit forms or navigate the editor. */
export function EmailFrame({ html, title }: { html: string; title: string }) {
  return <iframe className="nf-email-frame" title={title} sandbox="" srcDoc={html} />;
}
