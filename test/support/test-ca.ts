import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * A certificate authority for tests: signs a PKCS#10 request (base64 DER, as Okta's `csr` field
 * carries it) the way an admin's CA would, copying the request's subject.
 */
export interface TestCa {
  /** Signs the request; `publicKeyPem` swaps in another key (a certificate that is not the CSR's). */
  sign(csrBase64: string, options?: { publicKeyPem?: string; validDays?: number }): string;
}

export function startTestCa(commonName = 'Acme Test CA'): TestCa {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const caKey = forge.pki.privateKeyFromPem(pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  const caSubject = [{ name: 'commonName', value: commonName }];
  return {
    sign(csrBase64, options = {}) {
      const request = forge.pki.certificationRequestFromAsn1(forge.asn1.fromDer(forge.util.decode64(csrBase64)));
      if (!request.verify()) throw new Error('the CSR does not verify against its own public key');
      const cert = forge.pki.createCertificate();
      const publicKey =
        options.publicKeyPem === undefined ? request.publicKey : forge.pki.publicKeyFromPem(options.publicKeyPem);
      if (!publicKey) throw new Error('the CSR carries no public key');
      cert.publicKey = publicKey;
      const serial = randomBytes(16);
      serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
      cert.serialNumber = serial.toString('hex');
      cert.validity.notBefore = new Date(Date.now() - 60_000);
      cert.validity.notAfter = new Date(Date.now() + (options.validDays ?? 730) * 86_400_000);
      cert.setSubject(request.subject.attributes);
      cert.setIssuer(caSubject);
      cert.sign(caKey, forge.md.sha256.create());
      return forge.pki.certificateToPem(cert);
    },
  };
}
