import { STATUS_CODES } from 'node:http';
import type { VendorAnswer } from './okta-scim-client';

export type PushVerb = 'creating' | 'looking up' | 'reading' | 'updating' | 'deactivating';

/**
 * Okta's task / System Log wording for a failed push (§3), e.g. "Automatic provisioning of user
 * Ann Lee to app X failed: Error while creating user ann@ex.com: Bad Request. Errors reported by
 * remote server: userName is already taken".
 */
export function pushFailureText(
  person: string,
  appLabel: string,
  verb: PushVerb,
  userName: string,
  reply: VendorAnswer | string,
): string {
  const prefix = `Automatic provisioning of user ${person} to app ${appLabel} failed: Error while ${verb} user ${userName}: `;
  if (typeof reply === 'string') return prefix + reply;
  if (reply.status === 0) return prefix + (reply.failure ?? 'The SCIM server could not be reached.');
  if (reply.status >= 200 && reply.status < 300) return prefix + remoteDetail(reply);
  const reason = STATUS_CODES[reply.status] ?? `HTTP ${reply.status}`;
  return `${prefix}${reason}. Errors reported by remote server: ${remoteDetail(reply)}`;
}

function remoteDetail(reply: VendorAnswer): string {
  const body = reply.body;
  if (body === undefined) return 'empty response';
  if (typeof body === 'string') return `Invalid JSON: ${body.slice(0, 200)}`;
  if (typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string')
    return body.detail;
  return JSON.stringify(body).slice(0, 200);
}
