import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import { checkXmlShape, DEFAULT_XML_LIMITS, type XmlLimits } from './xml-limits';

export const NS = {
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
} as const;

const select = xpath.useNamespaces(NS);

/** Thrown for XML that is not well-formed; callers turn it into their own AppError. */
export class XmlSyntaxError extends Error {}

/**
 * Parses XML, treating any xmldom error as fatal: a half-recovered document would let a checker
 * read something other than what the sender wrote. The document's shape is bounded first
 * (`XmlLimitError`), so a hostile one is refused before a tree is built.
 */
export function parseXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): Document {
  checkXmlShape(text, limits);
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new XmlSyntaxError(message);
    },
  });
  let doc;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    throw new XmlSyntaxError(error instanceof Error ? error.message : String(error));
  }
  if (!doc.documentElement) throw new XmlSyntaxError('the document has no root element');
  // xmldom implements the W3C DOM that xpath's typings describe; its own declarations are a separate copy.
  return doc as unknown as Document;
}

export function elements(expression: string, context: Node): Element[] {
  const result = select(expression, context);
  return Array.isArray(result) ? result.filter(xpath.isElement) : [];
}

export function element(expression: string, context: Node): Element | undefined {
  return elements(expression, context)[0];
}

export function text(node: Node | undefined): string {
  return (node?.textContent ?? '').trim();
}

/** True when a document declares a DTD or entities, which we never need and which enable XXE and entity bombs. */
export function hasDoctype(textContent: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(textContent);
}

/** Indented XML for evidence shown to an admin; text-only elements stay on one line. */
export function prettyXml(node: Node, depth = 0): string {
  const pad = '  '.repeat(depth);
  if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) {
    const value = (node.nodeValue ?? '').trim();
    return value === '' ? '' : `${pad}${escapeText(value)}`;
  }
  if (node.nodeType === node.DOCUMENT_NODE) {
    return Array.from(node.childNodes, (child) => prettyXml(child, depth))
      .filter((line) => line !== '')
      .join('\n');
  }
  if (node.nodeType !== node.ELEMENT_NODE) return '';
  const el = node as Element;
  const attributes = Array.from(el.attributes, (a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('');
  const children = Array.from(el.childNodes).filter(
    (child) => child.nodeType === child.ELEMENT_NODE || (child.nodeValue ?? '').trim() !== '',
  );
  if (children.length === 0) return `${pad}<${el.nodeName}${attributes}/>`;
  const only = children[0];
  if (children.length === 1 && only && only.nodeType !== only.ELEMENT_NODE) {
    return `${pad}<${el.nodeName}${attributes}>${escapeText((only.nodeValue ?? '').trim())}</${el.nodeName}>`;
  }
  const inner = children.map((child) => prettyXml(child, depth + 1)).filter((line) => line !== '');
  return [`${pad}<${el.nodeName}${attributes}>`, ...inner, `${pad}</${el.nodeName}>`].join('\n');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
