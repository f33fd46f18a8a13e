import { stat, readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Next } from 'hono';

/** Where `npm run build` puts the editor (also in the Docker image). */
export const editorDistDir = fileURLToPath(new URL('../../../editor/dist', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Vite names everything under assets/ by its content hash, so those can be kept forever; the rest
// (index.html, public/ files) keeps its name across builds and must be revalidated.
const forever = 'public, max-age=31536000, immutable';
const revalidate = 'no-cache';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path names inside dist, or undefined for paths that try to leave it. */
function fileFor(distDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const root = resolve(distDir);
  const file = resolve(join(root, decoded));
  return file.startsWith(root + sep) ? file : undefined;
}

async function send(c: Context, file: string, cacheControl: string): Promise<Response> {
  const body = await readFile(file);
  return c.body(body, 200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'cache-control': cacheControl });
}

/**
 * GET handler for everything outside /api: the built editor's files, and its index.html for any
 * other page path (the editor routes on the client). dist is looked at per request, so a build
 * made while the server runs shows up on reload; without one, `notBuiltPage` explains what to do.
 */
export function editorAssets(options: { distDir: string; notBuiltPage: string }) {
  return async (c: Context, next: Next): Promise<Response | void> => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();
    const index = join(options.distDir, 'index.html');
    if (!(await isFile(index))) return c.html(options.notBuiltPage, 503, { 'cache-control': revalidate });

    const file = path === '/' ? undefined : fileFor(options.distDir, path);
    if (file && (await isFile(file))) return send(c, file, path.startsWith('/assets/') ? forever : revalidate);
    // A missing file (a stale hashed asset, a typo) is a 404, not the app: only page paths fall back.
    if (path.startsWith('/assets/') || extname(path) !== '') return c.notFound();
    return send(c, index, revalidate);
  };
}
