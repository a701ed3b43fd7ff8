import { AppError } from '../errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the file started with a byte-order mark (Excel writes one; many tools do not). */
  bom: boolean;
}

/**
 * Turns an exported file's bytes into text. Spreadsheet exports come as UTF-8 with or without a
 * BOM, or as UTF-16 ("Unicode text" in Excel), usually with a BOM; without one, UTF-16 shows as
 * a NUL in every other byte of ASCII text, which is how it is recognised here.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8', true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be', true);
  const sample = bytes.subarray(0, 4096);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  const half = sample.length / 2;
  if (half > 0 && oddNuls > half * 0.3 && evenNuls === 0) return decode(bytes, 'utf-16le', false);
  if (half > 0 && evenNuls > half * 0.3 && oddNuls === 0) return decode(bytes, 'utf-16be', false);
  return decode(bytes, 'utf-8', false);
}

function decode(bytes: Uint8Array, encoding: TextEncodingName, bom: boolean): DecodedText {
  try {
    // fatal: a Latin-1 export read as UTF-8 would silently turn "José" into "Jos\uFFFD".
    const text = new TextDecoder(encoding === 'utf-16be' ? 'utf-16be' : encoding, { fatal: true }).decode(bytes);
    return { text, encoding, bom };
  } catch {
    throw new AppError(
      'INVALID_FILE',
      `The file is not valid ${encoding.toUpperCase()} text.`,
      'Export it again as "CSV UTF-8" (or UTF-16 "Unicode text"); other encodings such as Windows-1252 are not read.',
    );
  }
}
