import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Parser } from 'htmlparser2';

const run = promisify(execFile);

/** Validates with ajv against the schema committed in docs/schemas (not the zod schema it came from). */
export async function schemaErrors(file: 'config-report' | 'portfolio-report', value: unknown): Promise<string[]> {
  const path = fileURLToPath(new URL(`../../docs/schemas/${file}.schema.json`, import.meta.url));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(await readFile(path, 'utf8')) as object);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Attributes through which a page can make a request or run code. */
const FETCHING_ATTRIBUTES = new Set([
  'src',
  'href',
  'srcset',
  'action',
  'formaction',
  'poster',
  'data',
  'background',
  'ping',
  'manifest',
  'xlink:href',
]);
const FETCHING_ELEMENTS = new Set([
  'script',
  'link',
  'img',
  'iframe',
  'object',
  'embed',
  'base',
  'form',
  'video',
  'audio',
  'source',
  'picture',
  'svg',
  'frame',
]);

/**
 * Everything in an HTML report that would reach outside the file: elements and attributes that
 * fetch, inline handlers, inline styles the CSP would block, CSS urls/imports, and a CSP that does
 * not forbid all of it or does not match the stylesheet's hash.
 */
export function externalRequestsIn(html: string): string[] {
  const found: string[] = [];
  const styles: string[] = [];
  let csp: string | undefined;
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (FETCHING_ELEMENTS.has(name)) found.push(`<${name}>`);
        if (name === 'style') inStyle = true;
        if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'content-security-policy')
          csp = attributes.content;
        for (const attribute of Object.keys(attributes)) {
          if (FETCHING_ATTRIBUTES.has(attribute)) found.push(`${name}[${attribute}]`);
          if (attribute.startsWith('on')) found.push(`${name}[${attribute}] handler`);
          if (attribute === 'style') found.push(`${name}[style] inline style`);
        }
        if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh') found.push('meta refresh');
      },
      ontext(text) {
        if (inStyle) styles.push(text);
      },
      onclosetag(name) {
        if (name === 'style') inStyle = false;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const css = styles.join('');
  if (/url\s*\(|@import|image-set|src\s*:/i.test(css)) found.push('CSS url()/@import');
  if (!csp) found.push('no Content-Security-Policy');
  else {
    if (!/(^|;)\s*default-src 'none'/.test(csp)) found.push(`CSP without default-src 'none': ${csp}`);
    const hash = createHash('sha256').update(css).digest('base64');
    if (!csp.includes(`style-src 'sha256-${hash}'`)) found.push('CSP style hash does not match the stylesheet');
  }
  return found;
}

export interface PdfPages {
  pages: number;
  pngs: { width: number; height: number }[];
  text: string;
}

/** Renders every page to PNG with pdftoppm and reads the text with pdftotext. */
export async function pdfPages(pdf: Buffer): Promise<PdfPages> {
  const dir = await mkdtemp(join(tmpdir(), 'report-pdf-'));
  try {
    await writeFile(join(dir, 'r.pdf'), pdf);
    await run('pdftoppm', ['-r', '40', '-png', join(dir, 'r.pdf'), join(dir, 'page')]);
    const files = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    const pngs = [];
    for (const f of files) {
      const png = await readFile(join(dir, f));
      if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error(`${f} is not a PNG`);
      pngs.push({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
    }
    const { stdout } = await run('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { maxBuffer: 32 * 1024 * 1024 });
    const info = await run('pdfinfo', [join(dir, 'r.pdf')]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0);
    return { pages, pngs, text: stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
