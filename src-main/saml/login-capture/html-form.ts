/** A form on an HTML page, as a browser would submit it. */
export interface HtmlForm {
  action: string;
  method: string;
  fields: Record<string, string>;
  hasPassword: boolean;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : unescapeHtml(value);
}

function unescapeHtml(value: string): string {
  return value.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_whole, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[entity] ?? '',
  );
}

/**
 * The forms of a page with their named inputs. Only for the IdP's own simple pages (sign-in and
 * auto-post), which are not scripts: a page that builds its form in JavaScript has none here.
 */
export function htmlForms(html: string, pageUrl: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const [, tag = '', inner = ''] = match;
    const fields: Record<string, string> = {};
    let hasPassword = false;
    for (const input of inner.matchAll(/<input\b[^>]*>/gi)) {
      const name = attribute(input[0], 'name');
      if (attribute(input[0], 'type')?.toLowerCase() === 'password') hasPassword = true;
      if (name !== undefined) fields[name] = attribute(input[0], 'value') ?? '';
    }
    forms.push({
      action: new URL(attribute(tag, 'action') ?? pageUrl, pageUrl).toString(),
      method: (attribute(tag, 'method') ?? 'GET').toUpperCase(),
      fields,
      hasPassword,
    });
  }
  return forms;
}

export function pageTitle(html: string): string {
  return unescapeHtml(/<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? '');
}
