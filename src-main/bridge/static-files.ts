import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Reads a file of the built renderer, refusing any path that escapes its folder. */
export async function readStatic(
  rootDir: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // a bad %-escape names no file
  }
  const relative = urlPath === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(rootDir, relative));
  if (!full.startsWith(normalize(rootDir) + sep) && full !== normalize(rootDir)) return undefined;
  try {
    return { body: await readFile(full), type: types[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
