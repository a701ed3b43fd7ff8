import { open } from 'node:fs/promises';
import { AppError } from '../errors';
import { MAX_METADATA_BYTES } from './metadata';

export interface LoadedMetadata {
  xml: string;
  origin: 'file' | 'url' | 'pasted';
  /** The file path or URL it came from; absent for pasted XML. */
  location?: string;
}

export interface LoadMetadataOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Gets metadata XML from whatever the admin gave: pasted XML, an http(s) URL (Okta's metadata URL
 * is public), or a file path. Size is capped while reading so a wrong URL cannot fill memory.
 */
export async function loadMetadata(source: string, options: LoadMetadataOptions = {}): Promise<LoadedMetadata> {
  const trimmed = source.trim();
  const maxBytes = options.maxBytes ?? MAX_METADATA_BYTES;
  if (trimmed.startsWith('<') || trimmed.startsWith('\uFEFF<')) {
    return { xml: stripBom(trimmed), origin: 'pasted' };
  }
  if (/^https?:\/\//i.test(trimmed)) {
    return {
      xml: await fetchMetadata(trimmed, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes),
      origin: 'url',
      location: trimmed,
    };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new AppError(
      'METADATA_URL_SCHEME',
      `"${trimmed}" is not an http(s) URL or a file path.`,
      'Give the metadata URL (https://{org}/app/{exk…}/sso/saml/metadata), a path to a saved XML file, or paste the XML.',
      'metadata',
    );
  }
  return { xml: await readMetadataFile(trimmed, maxBytes), origin: 'file', location: trimmed };
}

async function readMetadataFile(path: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') {
      throw new AppError(
        'METADATA_FILE_NOT_FOUND',
        `No file at ${path}.`,
        "Check the path, or give the metadata URL from the Okta app's Sign On tab instead.",
        'metadata',
      );
    }
    throw new AppError(
      'METADATA_FILE_UNREADABLE',
      `The file ${path} cannot be read (${code || 'unknown error'}).`,
      'Check that the path is a readable file.',
      'metadata',
    );
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) {
      throw new AppError(
        'METADATA_FILE_UNREADABLE',
        `${path} is a folder, not a metadata file.`,
        'Give the path of the saved metadata XML file.',
        'metadata',
      );
    }
    if (stats.size > maxBytes) throw tooLarge(path, maxBytes);
    return stripBom((await handle.readFile()).toString('utf8'));
  } finally {
    await handle.close();
  }
}

async function fetchMetadata(url: string, timeoutMs: number, maxBytes: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml;q=0.9, */*;q=0.5' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
    });
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new AppError(
        'METADATA_URL_TIMEOUT',
        `${url} did not answer within ${timeoutMs / 1000} s.`,
        'Check the URL and your network, or download the metadata and give the file instead.',
        'metadata',
      );
    }
    const cause =
      error instanceof Error && error.cause instanceof Error
        ? error.cause.message
        : error instanceof Error
          ? error.message
          : String(error);
    throw new AppError(
      'METADATA_URL_UNREACHABLE',
      `${url} could not be reached: ${cause}.`,
      'Check the host name (for Okta: https://{your-org}.okta.com/app/{exk…}/sso/saml/metadata) and your network.',
      'metadata',
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    const reason =
      response.status === 404
        ? 'no metadata there (404 Not Found); the app ID in the URL is probably wrong or the app was deleted'
        : response.status === 401 || response.status === 403
          ? `access was refused (${response.status}); Okta's metadata URL is public, so this is probably not it`
          : `the server answered ${response.status} ${response.statusText}`;
    throw new AppError(
      'METADATA_URL_HTTP_STATUS',
      `${url}: ${reason}.`,
      'Copy the "Metadata URL" from the Okta app\'s Sign On tab.',
      'metadata',
    );
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, maxBytes);
  }
  const body = await readCapped(response, url, maxBytes);
  if (/^\s*(<!DOCTYPE html|<html)/i.test(body)) {
    throw new AppError(
      'METADATA_URL_NOT_XML',
      `${url} returned an HTML page, not metadata XML.`,
      'A sign-in or error page came back; use the metadata URL itself, which Okta serves without sign-in.',
      'metadata',
    );
  }
  return body;
}

async function readCapped(response: Response, url: string, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  return stripBom(Buffer.concat(chunks).toString('utf8'));
}

function tooLarge(where: string, maxBytes: number): AppError {
  return new AppError(
    'METADATA_TOO_LARGE',
    `${where} is larger than ${maxBytes} bytes; IdP metadata for one app is a few kilobytes.`,
    'Check that this is the metadata of a single Okta app, not a federation aggregate or a download of something else.',
    'metadata',
  );
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
