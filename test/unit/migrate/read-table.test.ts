import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src-main/migrate/read-table';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

describe('reading a vendor or Okta export', () => {
  it('reads comma-separated UTF-8 with a BOM, the BOM not part of the first header', () => {
    const table = readTable(utf8('\uFEFFEmail,Role\njane@acme.com,Admin\n'));
    expect(table).toMatchObject({
      headers: ['Email', 'Role'],
      rows: [['jane@acme.com', 'Admin']],
      delimiter: ',',
      encoding: 'utf-8',
    });
  });

  it('reads semicolon-separated values, as Excel writes them where the decimal mark is a comma', () => {
    const table = readTable(utf8('E-mail;Name;Role\r\njane@acme.com;"Doe; Jane";Admin\r\n'));
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([['jane@acme.com', 'Doe; Jane', 'Admin']]);
  });

  it('reads UTF-16 LE with a BOM as a tab-separated "Unicode text" export', () => {
    const table = readTable(utf16le('\uFEFFEmail\tName\nzoë@acme.com\tZoë Ångström\n'.slice(1), true));
    expect(table).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      headers: ['Email', 'Name'],
      rows: [['zoë@acme.com', 'Zoë Ångström']],
    });
  });

  it('recognises UTF-16 LE without a BOM and UTF-16 BE with one', () => {
    expect(readTable(utf16le('Email\nx@acme.com\n', false)).rows).toEqual([['x@acme.com']]);
    expect(readTable(utf16be('Email,Role\nx@acme.com,Admin\n'))).toMatchObject({
      encoding: 'utf-16be',
      rows: [['x@acme.com', 'Admin']],
    });
  });

  it('keeps quoted commas, doubled quotes and line breaks inside a field', () => {
    const table = readTable(utf8('email,note\na@acme.com,"says ""hi"", then\nleaves"\nb@acme.com,plain\n'));
    expect(table.rows).toEqual([
      ['a@acme.com', 'says "hi", then\nleaves'],
      ['b@acme.com', 'plain'],
    ]);
  });

  it('pads short rows and skips blank lines', () => {
    expect(readTable(utf8('email,role,name\n\na@acme.com\n\n')).rows).toEqual([['a@acme.com', '', '']]);
  });

  it('refuses text that is not UTF-8, saying how to export it again', () => {
    expect(() => readTable(Uint8Array.from([0x65, 0x6d, 0x0a, 0x4a, 0x6f, 0x73, 0xe9, 0x0a]))).toThrow(
      /not valid UTF-8 text/,
    );
  });

  it("refuses an unclosed quote with the reader's message", () => {
    expect(() => readTable(utf8('email,name\na@acme.com,"Doe\n'))).toThrow(
      /could not be read as comma-separated values/,
    );
  });

  it('refuses more rows than the limit, saying to split the file', () => {
    expect(() => readTable(utf8('email\na@x.com\nb@x.com\nc@x.com\n'), { maxRows: 2 })).toThrow(
      'The file has 3 rows; at most 2 are read.',
    );
  });

  it('refuses an empty file', () => {
    expect(() => readTable(utf8(''))).toThrow('The file is empty.');
  });
});
