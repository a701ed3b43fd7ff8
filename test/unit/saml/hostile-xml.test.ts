import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIdpMetadata } from '../../../src-main/saml/metadata';
import { checkSamlResponse } from '../../../src-main/saml/response-check';
import { checkXmlShape, XmlLimitError } from '../../../src-main/saml/xml-limits';
import { deepMetadata, manyAssertionsResponse, wideMetadata } from '../../support/hostile-xml';
import { TestIdp } from '../../support/test-idp';

const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'saml', 'okta-idp-metadata-oktapreview.xml');

describe('XML shape limits, checked before parsing', () => {
  it('refuses 100,000-deep metadata, saying which limit was hit', () => {
    expect(() => parseIdpMetadata(deepMetadata(100_000))).toThrow(
      expect.objectContaining({
        code: 'METADATA_TOO_COMPLEX',
        message:
          'The metadata was refused before parsing: it nests elements more than 50 levels deep (the limit). IdP metadata for one app nests under 10 levels and has a few dozen elements.',
      }),
    );
  });

  it('refuses metadata with more than 10,000 elements', () => {
    expect(() => parseIdpMetadata(wideMetadata(20_000))).toThrow(
      expect.objectContaining({
        code: 'METADATA_TOO_COMPLEX',
        message: expect.stringContaining('it has more than 10,000 elements (the limit)') as unknown,
      }),
    );
  });

  it('still reads real Okta metadata', async () => {
    const metadata = parseIdpMetadata(await readFile(fixture, 'utf8'));
    expect(metadata.entityId).toBe('http://www.okta.com/exkjl16j5b8X4N6fS1d7');
  });

  it('ignores markup inside comments, CDATA and quoted attribute values', () => {
    const text = `<a x="<b>" y='>'><!-- ${'<c>'.repeat(100)} --><![CDATA[${'<d>'.repeat(100)}]]><?pi <e>?><f/></a>`;
    expect(() => checkXmlShape(text, { maxDepth: 1, maxElements: 2 })).not.toThrow();
    expect(() => checkXmlShape(`${text}<g/>`, { maxDepth: 1, maxElements: 2 })).toThrow(XmlLimitError);
  });

  it('counts elements of one name across namespace prefixes', () => {
    const limits = { maxDepth: 10, maxElements: 100, maxPerName: { Assertion: 1 } };
    expect(() => checkXmlShape('<r><saml:Assertion/></r>', limits)).not.toThrow();
    expect(() => checkXmlShape('<r><saml:Assertion/><saml2:Assertion></saml2:Assertion></r>', limits)).toThrow(
      'it has more than 1 <Assertion> element (the limit)',
    );
  });
});

describe('a SAMLResponse with thousands of assertions', () => {
  let idp: TestIdp;
  beforeAll(() => {
    idp = new TestIdp();
  });

  it('fails the decode check with the limit in words, and checks nothing else', async () => {
    const result = await checkSamlResponse(
      manyAssertionsResponse(2_000),
      idp.expectations({ idpCertificates: [idp.credentials.certificatePem] }),
    );
    expect(result.valid).toBe(false);
    expect(result.checks[0]).toEqual({
      name: 'decode',
      status: 'fail',
      detail:
        'The decoded SAMLResponse was refused before parsing: it has more than 5 <Assertion> elements (the limit). A real response carries one assertion and nests under 15 levels.',
    });
    expect(
      result.checks.slice(1).every((check) => check.detail === 'Not checked: the SAMLResponse could not be decoded.'),
    ).toBe(true);
  });

  it('still passes a real signed response from the test IdP', async () => {
    const result = await checkSamlResponse(idp.response(), idp.expectations());
    expect(result.checks.find((c) => c.name === 'decode')?.status).toBe('pass');
  });
});
