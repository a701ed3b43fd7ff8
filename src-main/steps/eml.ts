import { randomBytes } from 'node:crypto';

export interface EmlAttachment {
  fileName: string;
  contentType: string;
  content: string | Buffer;
}

export interface EmlMessage {
  to: string;
  subject: string;
  body: string;
  attachments: EmlAttachment[];
  date: Date;
}

const CRLF = '\r\n';

function isPlainAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- the printable ASCII range plus tab and line ends is exactly what 7bit allows.
  return /^[\x09\x0a\x0d\x20-\x7e]*$/.test(text);
}

/** RFC 2047 encoded-words for a header with non-ASCII text, each under 76 characters. */
export function encodeHeaderWord(text: string): string {
  if (isPlainAscii(text) && !/[\r\n]/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text.replace(/[\r\n]+/g, ' ')) {
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

function base64Lines(content: string | Buffer): string {
  const encoded = Buffer.from(content).toString('base64');
  return (encoded.match(/.{1,76}/g) ?? []).join(CRLF);
}

/** RFC 5322 date in UTC, e.g. `Tue, 24 Nov 2026 10:03:21 +0000`. */
export function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

function textPart(body: string): string[] {
  const normalized = body.replace(/\r?\n/g, CRLF);
  const sevenBit = isPlainAscii(normalized) && normalized.split(CRLF).every((line) => line.length <= 998);
  return sevenBit
    ? ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 7bit', '', normalized]
    : ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', base64Lines(normalized)];
}

/**
 * A draft email as an .eml file (MIME, RFC 5322/2045): mail clients open it ready to send
 * (`X-Unsent: 1`), with the attachments base64-encoded.
 */
export function buildEml(message: EmlMessage): string {
  const boundary = `=_okta-onboard_${randomBytes(12).toString('hex')}`;
  const headers = [
    `To: ${message.to}`,
    `Subject: ${encodeHeaderWord(message.subject)}`,
    `Date: ${rfc5322Date(message.date)}`,
    `Message-ID: <${randomBytes(16).toString('hex')}@okta-onboard.invalid>`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts = [textPart(message.body).join(CRLF)];
  for (const attachment of message.attachments) {
    const name = attachment.fileName.replace(/["\\\r\n]/g, '_');
    parts.push(
      [
        `Content-Type: ${attachment.contentType}; name="${name}"`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; filename="${name}"`,
        '',
        base64Lines(attachment.content),
      ].join(CRLF),
    );
  }
  const body = parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join('') + `--${boundary}--${CRLF}`;
  return [...headers, '', 'This is a multi-part message in MIME format.', body].join(CRLF);
}
