import type { InspectMetadataRequest } from '../api/channels-saml';
import { AppError } from '../errors';
import { loadMetadata } from '../saml/load-metadata';
import { inspectMetadata } from '../saml/metadata';
import type { MetadataReport } from '../saml/types';
import type { ServiceDeps } from './handlers';

/**
 * Pasted or loaded XML is inspected as is; a URL must be http(s), so the renderer can never make
 * main read a local file (the renderer reads files the admin picks and sends their text).
 */
export async function inspectMetadataSource(request: InspectMetadataRequest, now: Date): Promise<MetadataReport> {
  if ('xml' in request) return inspectMetadata(request.xml, now);
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new AppError(
      'METADATA_URL_INVALID',
      `"${request.url}" is not an http(s) URL.`,
      'Enter the metadata URL, e.g. https://acme.okta.com/app/exk…/sso/saml/metadata, or paste the XML instead.',
      'url',
    );
  }
  return inspectMetadata((await loadMetadata(url.href)).xml, now);
}

export function createSamlHandlers(_deps: ServiceDeps) {
  return {
    inspectMetadata: (request: InspectMetadataRequest) => inspectMetadataSource(request, new Date()),
  };
}
