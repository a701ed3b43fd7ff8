import { AppError } from '../errors';

/**
 * Takes a SAMLResponse as an admin may capture it — the base64 value alone (wrapped or not), or the
 * whole url-encoded form body `SAMLResponse=…&RelayState=…` — and returns the base64 value.
 */
export function extractSamlResponse(captured: string): string {
  const trimmed = captured.trim();
  let value = trimmed;
  if (/(^|&)SAMLResponse=/.test(trimmed)) {
    // Not URLSearchParams: it turns '+' into a space, and base64 has no spaces but many '+'.
    const field = trimmed.split('&').find((pair) => pair.startsWith('SAMLResponse='));
    value = safeDecode(field?.slice('SAMLResponse='.length) ?? '');
  } else if (/%2B|%2F|%3D/i.test(trimmed)) {
    value = safeDecode(trimmed);
  }
  value = value.replace(/\s+/g, '');
  if (value === '') {
    throw new AppError(
      'SAML_RESPONSE_EMPTY',
      'No SAMLResponse was found in what was given.',
      "Paste the SAMLResponse value from the POST to the vendor's ACS URL (a SAML tracer shows it), or the whole form body.",
    );
  }
  return value;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new AppError(
      'SAML_RESPONSE_ENCODING',
      'The SAMLResponse has broken %-encoding.',
      'Paste the value exactly as captured, or decode it first.',
    );
  }
}
