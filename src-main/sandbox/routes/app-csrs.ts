import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { z } from 'zod';
import { signingKeyRecord } from '../app-defaults';
import type { SandboxContext, SandboxPlugin } from '../context';
import { malformedBody, notFound, validationFailed } from '../errors';
import { IdPrefix, now, oktaId } from '../ids';
import type { AppRecord, CsrRecord } from '../model';
import { renderKey } from '../render';
import { json, noContent } from '../router';
import { requireApp } from './apps';

/**
 * Okta's "Application SSO Credential CSR" API: Okta makes an RSA key pair, answers a PKCS#10
 * request with the subject the admin names, and keeps the private key; the admin has the request
 * signed by their CA and publishes the certificate, which becomes a key credential of the app
 * (not yet signed with, like a generated key). Publishing consumes the CSR.
 */
const subjectSchema = z
  .object({
    commonName: z.string().optional(),
    countryName: z.string().optional(),
    localityName: z.string().optional(),
    organizationalUnitName: z.string().optional(),
    organizationName: z.string().optional(),
    stateOrProvinceName: z.string().optional(),
  })
  .strict();

const metadataSchema = z
  .object({
    subject: subjectSchema.optional(),
    subjectAltNames: z
      .object({ dnsNames: z.array(z.string()).optional() })
      .strict()
      .optional(),
  })
  .strict();

type CsrMetadata = z.infer<typeof metadataSchema>;

const SUBJECT_FIELDS = [
  'countryName',
  'stateOrProvinceName',
  'localityName',
  'organizationName',
  'organizationalUnitName',
  'commonName',
] as const;

function newCsr(metadata: CsrMetadata): CsrRecord {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  const privateKeyPem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const publicKeyPem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const request = forge.pki.createCertificationRequest();
  request.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  const subject = metadata.subject ?? {};
  request.setSubject(
    SUBJECT_FIELDS.flatMap((name) => {
      const value = subject[name];
      return value === undefined || value === '' ? [] : [{ name, value }];
    }),
  );
  const dnsNames = metadata.subjectAltNames?.dnsNames ?? [];
  if (dnsNames.length > 0) {
    request.setAttributes([
      {
        name: 'extensionRequest',
        extensions: [{ name: 'subjectAltName', altNames: dnsNames.map((value) => ({ type: 2, value })) }],
      },
    ]);
  }
  request.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pki.certificationRequestToAsn1(request)).getBytes();
  return { id: oktaId(IdPrefix.csr), created: now(), csrBase64: forge.util.encode64(der), privateKeyPem, publicKeyPem };
}

function renderCsr(orgUrl: string, app: AppRecord, csr: CsrRecord): Record<string, unknown> {
  const self = `${orgUrl}/api/v1/apps/${app.id}/credentials/csrs/${csr.id}`;
  return {
    id: csr.id,
    created: csr.created,
    csr: csr.csrBase64,
    kty: 'RSA',
    _links: {
      self: { href: self, hints: { allow: ['GET', 'DELETE'] } },
      publish: { href: `${self}/lifecycle/publish`, hints: { allow: ['POST'] } },
    },
  };
}

function requireCsr(app: AppRecord, csrId: string): CsrRecord {
  const csr = app.csrs.find((c) => c.id === csrId);
  if (!csr) throw notFound(csrId, 'AppInstanceCsr');
  return csr;
}

/** Whether the client asked for the bare request (`Accept: application/pkcs10`) rather than JSON. */
function wantsPkcs10(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes('application/pkcs10') && !accept.includes('application/json');
}

const certificateRefused = (reason: string) => validationFailed('certificate', [`certificate: ${reason}`]);

/**
 * The published certificate as Okta takes it: PEM as text (`application/x-pem-file`), DER or CER
 * (`application/pkix-cert`, `application/x-x509-ca-cert`) base64-encoded with
 * `Content-Transfer-Encoding: base64`. Raw binary DER is not read: the practice org's request
 * bodies arrive as UTF-8 text.
 */
function readCertificate(rawBody: string, contentType: string, transferEncoding: string | undefined): X509Certificate {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  let input: string | Buffer;
  if (type === 'application/x-pem-file') {
    input = rawBody;
  } else if (type === 'application/pkix-cert' || type === 'application/x-x509-ca-cert') {
    if (transferEncoding?.toLowerCase() !== 'base64') {
      throw certificateRefused('Send DER or CER base64-encoded with Content-Transfer-Encoding: base64.');
    }
    input = Buffer.from(rawBody.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  } else {
    throw malformedBody();
  }
  try {
    return new X509Certificate(input);
  } catch {
    throw certificateRefused('The certificate could not be read as an X.509 certificate.');
  }
}

export const appCsrsPlugin: SandboxPlugin = {
  name: 'app-csrs',
  install(ctx: SandboxContext) {
    const { state } = ctx;
    const base = '/api/v1/apps/{appId}/credentials/csrs';
    ctx.router.add(
      {
        method: 'GET',
        path: base,
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          return json(
            200,
            app.csrs.map((c) => renderCsr(req.url.origin, app, c)),
          );
        },
      },
      {
        method: 'POST',
        path: base,
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          const parsed = metadataSchema.safeParse(req.body ?? {});
          if (!parsed.success) throw malformedBody();
          const csr = newCsr(parsed.data);
          app.csrs.push(csr);
          const location = `${req.url.origin}/api/v1/apps/${app.id}/credentials/csrs/${csr.id}`;
          if (wantsPkcs10(req.headers.accept)) {
            return {
              status: 201,
              text: csr.csrBase64,
              contentType: 'application/pkcs10',
              headers: { 'Content-Transfer-Encoding': 'base64', Location: location },
            };
          }
          return json(201, renderCsr(req.url.origin, app, csr), { Location: location });
        },
      },
      {
        method: 'GET',
        path: `${base}/{csrId}`,
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          const csr = requireCsr(app, req.params.csrId ?? '');
          if (wantsPkcs10(req.headers.accept)) {
            return {
              status: 200,
              text: csr.csrBase64,
              contentType: 'application/pkcs10',
              headers: { 'Content-Transfer-Encoding': 'base64' },
            };
          }
          return json(200, renderCsr(req.url.origin, app, csr));
        },
      },
      {
        method: 'DELETE',
        path: `${base}/{csrId}`,
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          const csr = requireCsr(app, req.params.csrId ?? '');
          app.csrs = app.csrs.filter((c) => c !== csr);
          return noContent();
        },
      },
      {
        method: 'POST',
        path: `${base}/{csrId}/lifecycle/publish`,
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          const csr = requireCsr(app, req.params.csrId ?? '');
          const transfer = req.headers['content-transfer-encoding'];
          const cert = readCertificate(
            req.rawBody,
            req.headers['content-type'] ?? '',
            Array.isArray(transfer) ? transfer[0] : transfer,
          );
          const expected = createPublicKey(csr.publicKeyPem).export({ format: 'der', type: 'spki' });
          if (!cert.publicKey.export({ format: 'der', type: 'spki' }).equals(expected)) {
            throw certificateRefused("The certificate's public key does not match this CSR's key pair.");
          }
          if (Date.parse(cert.validTo) <= Date.now()) throw certificateRefused('The certificate has expired.');
          const key = signingKeyRecord(csr.privateKeyPem, cert.toString());
          app.signingKeys.push(key);
          app.csrs = app.csrs.filter((c) => c !== csr);
          return json(201, renderKey(key));
        },
      },
    );
  },
};
