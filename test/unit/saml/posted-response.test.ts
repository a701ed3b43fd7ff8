import { describe, expect, it } from 'vitest';
import { extractSamlResponse } from '../../../src-main/saml/posted-response';

describe('extractSamlResponse', () => {
  it('takes the bare base64 value, dropping line breaks and spaces', () => {
    expect(extractSamlResponse('  PHNhbWxw\r\nOlJlc3Bv+/bnNl=\n')).toBe('PHNhbWxwOlJlc3Bv+/bnNl=');
  });

  it('takes the SAMLResponse field from a url-encoded form body, keeping literal plus signs', () => {
    expect(extractSamlResponse('RelayState=%2Fapp&SAMLResponse=PHNh%2Bb%2FWx+w%3D%3D')).toBe('PHNh+b/Wx+w==');
  });

  it('decodes a value that was url-encoded on its own', () => {
    expect(extractSamlResponse('PHNh%2Bb%2FWxw%3D%3D')).toBe('PHNh+b/Wxw==');
  });

  it('refuses an empty value and broken encoding', () => {
    expect(() => extractSamlResponse('SAMLResponse=&RelayState=x')).toThrow(
      expect.objectContaining({ code: 'SAML_RESPONSE_EMPTY' }),
    );
    expect(() => extractSamlResponse('SAMLResponse=%E0%A4%A')).toThrow(
      expect.objectContaining({ code: 'SAML_RESPONSE_ENCODING' }),
    );
  });
});
