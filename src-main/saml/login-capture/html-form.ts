import { DomUtils, parseDocument } from 'htmlparser2';

/** A form on an HTML page, as a browser would submit it. */
export interface HtmlForm {
  action: string;
  method: string;
  fields: Record<string, string>;
  hasPassword: boolean;
}

/**
 * The forms of a page with their named inputs, read by an HTML parser (entities decoded, any
 * attribute order or quoting). Only for the IdP's own simple pages (sign-in and auto-post), which
 * are not scripts: a page that builds its form in JavaScript has none here.
 */
export function htmlForms(html: string, pageUrl: string): HtmlForm[] {
  const document = parseDocument(html);
  return DomUtils.getElementsByTagName('form', document).map((form) => {
    const fields: Record<string, string> = {};
    let hasPassword = false;
    for (const input of DomUtils.getElementsByTagName('input', form)) {
      const name = DomUtils.getAttributeValue(input, 'name');
      if (DomUtils.getAttributeValue(input, 'type')?.toLowerCase() === 'password') hasPassword = true;
      if (name !== undefined) fields[name] = DomUtils.getAttributeValue(input, 'value') ?? '';
    }
    return {
      action: new URL(DomUtils.getAttributeValue(form, 'action') ?? pageUrl, pageUrl).toString(),
      method: (DomUtils.getAttributeValue(form, 'method') ?? 'GET').toUpperCase(),
      fields,
      hasPassword,
    };
  });
}

export function pageTitle(html: string): string {
  const title = DomUtils.getElementsByTagName('title', parseDocument(html), true, 1)[0];
  return title === undefined ? '' : DomUtils.textContent(title).trim();
}
