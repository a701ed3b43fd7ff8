/** Hostile SAML files as the tester made them, for the tests and `npm run bench`. */
const md = 'urn:oasis:names:tc:SAML:2.0:metadata';

/** Metadata nested `levels` deep (the tester's was 100,000). */
export function deepMetadata(levels: number): string {
  return `<md:EntityDescriptor xmlns:md="${md}" entityID="x">${'<x>'.repeat(levels)}${'</x>'.repeat(levels)}</md:EntityDescriptor>`;
}

/** Metadata with `count` sibling elements. */
export function wideMetadata(count: number): string {
  return `<md:EntityDescriptor xmlns:md="${md}" entityID="x">${'<md:Extensions/>'.repeat(count)}</md:EntityDescriptor>`;
}

/** A base64 SAMLResponse carrying `count` assertions (the tester's had 2,000). */
export function manyAssertionsResponse(count: number): string {
  const assertion =
    '<saml:Assertion ID="a" Version="2.0" IssueInstant="2026-11-27T09:00:00Z"><saml:Issuer>x</saml:Issuer></saml:Assertion>';
  const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="r" Version="2.0" IssueInstant="2026-11-27T09:00:00Z">${assertion.repeat(count)}</samlp:Response>`;
  return Buffer.from(xml).toString('base64');
}
