/**
 * Escapes text for XML (and HTML) attribute values and content. The one module the practice org
 * may import from src-main/saml: it is not SAML protocol code, and one escaper is easier to trust.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
