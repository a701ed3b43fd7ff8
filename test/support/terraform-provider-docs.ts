import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'terraform-provider-okta');

/**
 * The arguments a resource's documentation lists (vendored from okta/terraform-provider-okta):
 * every name a bullet opens with, outside the "Read-Only" sections, nested blocks included, and
 * which of them the page marks as required at the top level. Both of the provider's page styles
 * are read: tfplugindocs' "## Schema" lists and the older "## Argument Reference" bullets.
 */
export function documentedArguments(resource: string): { all: Set<string>; required: Set<string> } {
  const page = readFileSync(join(DIR, 'docs', 'resources', `${resource.replace(/^okta_/, '')}.md`), 'utf8');
  const all = new Set<string>();
  const required = new Set<string>();
  let section = '';
  let topLevel = true;
  for (const line of page.split('\n')) {
    const heading = /^#{2,4}\s+(.*)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim();
      if (/^Nested Schema|^Capabilities|^(Create|Update) Capabilities|^Import (Rules|Settings)/.test(section))
        topLevel = false;
      if (/^(Schema|Argument Reference)$/.test(section)) topLevel = true;
      continue;
    }
    if (/^(Read-Only|Import|Attributes Reference|Behavior Notes|Example Usage)/.test(section)) continue;
    if (/^Read-Only:?$/.test(line.trim())) {
      section = 'Read-Only';
      continue;
    }
    const bullet = /^\s*[-*]\s+`([a-z_0-9]+)`/.exec(line);
    if (!bullet) continue;
    all.add(bullet[1]!);
    const isRequired = section === 'Required' || /\(Required\)/.test(line);
    if (topLevel && isRequired && /^[-*]/.test(line)) required.add(bullet[1]!);
  }
  return { all, required };
}

/** The provider's own example configuration, as vendored. */
export function providerExample(file: string): string {
  return readFileSync(join(DIR, 'examples', file), 'utf8');
}
