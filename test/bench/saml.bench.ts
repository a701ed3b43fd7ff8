import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkSamlResponse } from '../../src-main/saml/response-check';
import { inspectMetadata } from '../../src-main/saml/metadata';
import { TestIdp } from '../support/test-idp';
import { medianMs, underGoal, type BenchSuite } from './harness';

// The suite is bundled into .tmp/ before it runs, so fixtures are found from the repo root (npm's cwd).
export default {
  name: 'saml',
  async run() {
    const idp = new TestIdp();
    const response = idp.response();
    const expect = idp.expectations();
    const validate = await medianMs(async () => {
      const result = await checkSamlResponse(response, expect);
      if (!result.valid) throw new Error('bench response did not validate');
    }, 25);
    const metadata = readFileSync(resolve('test/fixtures/saml/okta-idp-metadata-oktapreview.xml'), 'utf8');
    const now = new Date();
    const inspect = await medianMs(() => inspectMetadata(metadata, now), 25);
    return [
      underGoal('validate one signed SAML response', validate, 'ms', 15),
      underGoal('inspect a metadata document with its certificate', inspect, 'ms', 5),
    ];
  },
} satisfies BenchSuite;
