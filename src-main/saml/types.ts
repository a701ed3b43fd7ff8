/** One observation about metadata, a certificate or a response, at the level an admin should care. */
export interface Finding {
  level: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export interface CertificateFacts {
  /** RFC 4514 order, most specific first: "CN=…, OU=…, O=…". */
  subject: string;
  issuer: string;
  /** Upper-case hex, as `openssl x509 -serial` prints it. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** Whole days from `now` to notAfter; negative once expired. */
  daysToExpiry: number;
  sha1Fingerprint: string;
  sha256Fingerprint: string;
  keyType: string;
  keyBits: number;
  signatureAlgorithm: string;
  pem: string;
  findings: Finding[];
}

export interface SsoService {
  binding: string;
  location: string;
}

export interface IdpMetadata {
  entityId: string;
  ssoServices: SsoService[];
  nameIdFormats: string[];
  /** base64 DER, whitespace removed, in document order. */
  signingCertificates: string[];
  wantAuthnRequestsSigned: boolean;
}

export interface MetadataReport {
  entityId: string;
  ssoServices: SsoService[];
  nameIdFormats: string[];
  wantAuthnRequestsSigned: boolean;
  certificates: CertificateFacts[];
  findings: Finding[];
}
