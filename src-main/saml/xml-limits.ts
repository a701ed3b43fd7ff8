/**
 * Bounds on the shape of an XML document, checked in one linear pass before any parser sees it.
 * xmldom builds the whole tree and our XPath walks it, so a document nested 100,000 levels deep
 * or holding thousands of assertions costs seconds and hundreds of MB before anything can refuse
 * it. Real IdP metadata nests under 10 levels with a few dozen elements; a real SAMLResponse under
 * 15 levels with well under a hundred.
 */
export interface XmlLimits {
  maxDepth: number;
  maxElements: number;
  /** At most this many elements of a local name (namespace prefix ignored), e.g. { Assertion: 1 }. */
  maxPerName?: Readonly<Record<string, number>>;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 50, maxElements: 10_000 };

/** Thrown when a document exceeds a limit; the message says which limit, in words. */
export class XmlLimitError extends Error {}

function skipPast(text: string, from: number, marker: string): number {
  const end = text.indexOf(marker, from);
  return end < 0 ? text.length : end + marker.length;
}

/**
 * Counts element nesting and elements outside comments, CDATA and processing instructions, and
 * stops at the first limit exceeded. It does not check well-formedness: the parser does that
 * afterwards, on a document now known to be small in shape.
 */
export function checkXmlShape(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): void {
  let depth = 0;
  let count = 0;
  const perName = new Map<string, number>();
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    if (text.startsWith('<!--', i)) i = skipPast(text, i + 4, '-->');
    else if (text.startsWith('<![CDATA[', i)) i = skipPast(text, i + 9, ']]>');
    else if (text.startsWith('<?', i) || text.startsWith('<!', i)) i = skipPast(text, i + 2, '>');
    else if (text.startsWith('</', i)) {
      depth -= 1;
      i = skipPast(text, i + 2, '>');
    } else {
      let j = i + 1;
      while (j < text.length && !/[\s/>]/.test(text[j]!)) j += 1;
      const name = text.slice(i + 1, j);
      let quote: string | undefined;
      for (; j < text.length; j += 1) {
        const c = text[j]!;
        if (quote) {
          if (c === quote) quote = undefined;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      const selfClosing = text[j - 1] === '/';
      count += 1;
      if (count > limits.maxElements) {
        throw new XmlLimitError(`it has more than ${limits.maxElements.toLocaleString('en')} elements (the limit)`);
      }
      if (!selfClosing) {
        depth += 1;
        if (depth > limits.maxDepth) {
          throw new XmlLimitError(`it nests elements more than ${limits.maxDepth} levels deep (the limit)`);
        }
      }
      const localName = name.slice(name.indexOf(':') + 1);
      const max = limits.maxPerName?.[localName];
      if (max !== undefined) {
        const seen = (perName.get(localName) ?? 0) + 1;
        perName.set(localName, seen);
        if (seen > max) {
          throw new XmlLimitError(`it has more than ${max} <${localName}> element${max === 1 ? '' : 's'} (the limit)`);
        }
      }
      i = j + 1;
    }
    i = text.indexOf('<', i);
  }
}
