import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';

/**
 * Reads a request body as UTF-8, refusing anything larger than `maxBytes` without buffering it.
 * An oversized body is read to its end and dropped, so the server can still answer 413 (a reset
 * connection would reach the client as a network error instead); past eight times the limit the
 * connection is cut, so a client cannot keep the server reading without bound.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () =>
      new AppError(
        'BODY_TOO_LARGE',
        `The request body is over ${maxBytes} bytes, the most this server accepts.`,
        'Send a smaller request.',
      );
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > maxBytes * 8) {
        reject(tooLarge());
        req.destroy();
      }
    });
    req.on('end', () => (size > maxBytes ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}
