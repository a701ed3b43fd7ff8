import { parseIdpMetadata } from '../../src-main/saml/metadata';
import { checkSamlResponse } from '../../src-main/saml/response-check';
import { deepMetadata, manyAssertionsResponse, wideMetadata } from '../support/hostile-xml';
import { TestIdp } from '../support/test-idp';
import { medianMs, underGoal, type BenchSuite } from './harness';

/** Runs a parse that must be refused; a hostile file that gets through is a bug, not a figure. */
function refused(parse: () => unknown): () => void {
  return () => {
    try {
      parse();
    } catch {
      return;
    }
    throw new Error('a hostile file was accepted');
  };
}

// What an admin waits for when a hostile file is pasted or loaded: from the text in memory to the
// refusal (file built once beforehand; median of 7 after one warm-up, in one Node process).
export default {
  name: 'hostile-xml',
  async run() {
    const deep = deepMetadata(100_000);
    const wide = wideMetadata(60_000);
    const idp = new TestIdp();
    const expect = idp.expectations({ idpCertificates: [idp.credentials.certificatePem] });
    const assertions = manyAssertionsResponse(2_000);
    const deepMs = await medianMs(refused(() => parseIdpMetadata(deep)));
    const wideMs = await medianMs(refused(() => parseIdpMetadata(wide)));
    const assertionsMs = await medianMs(async () => {
      const result = await checkSamlResponse(assertions, expect);
      if (result.valid) throw new Error('a response with 2,000 assertions was accepted');
    });
    return [
      underGoal('refuse 100,000-deep metadata (median of 7, text in memory)', deepMs, 'ms', 1000),
      underGoal('refuse metadata of 60,000 elements (median of 7, text in memory)', wideMs, 'ms', 1000),
      underGoal('refuse a response of 2,000 assertions (median of 7, base64 in memory)', assertionsMs, 'ms', 1000),
    ];
  },
} satisfies BenchSuite;
