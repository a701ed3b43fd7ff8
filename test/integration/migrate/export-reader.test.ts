import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigration } from '../../../src-main/migrate/store';
import { ExportReader } from '../../../src-main/migrate/worker/export-reader';
import { buildNodeEntries } from '../../support/build-node-bins';
import { makeTempDir } from '../../support/temp-dir';

const utf8 = (text: string) => new TextEncoder().encode(text);

function bigExport(rows: number): Uint8Array {
  const lines = ['Email,Name,Role'];
  for (let i = 0; i < rows; i += 1) lines.push(`person.${i}@acme.example,Person ${i},Admin`);
  return utf8(lines.join('\n'));
}

describe('reading vendor exports on the worker thread (migrate-worker.js, as the app and browser mode run it)', () => {
  let bins: Awaited<ReturnType<typeof buildNodeEntries>>;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let reader: ExportReader;

  beforeAll(async () => {
    bins = await buildNodeEntries({ 'migrate-worker': 'src-main/migrate/worker/table-worker.ts' });
    temp = await makeTempDir();
    reader = ExportReader.onWorker(pathToFileURL(bins.path('migrate-worker')));
  }, 60_000);

  afterAll(async () => {
    await reader?.close();
    await temp?.remove();
    await bins?.remove();
  });

  it("answers the preview with the table's shape and first rows, and leaves the caller's bytes intact", async () => {
    const bytes = utf8('\uFEFFE-mail;Name;Role\r\njane@acme.com;"Doe; Jane";Admin\r\nraj@acme.com;Raj;\r\n');
    const shape = await reader.read('u1', bytes);
    expect(shape).toEqual({
      rows: 2,
      headers: ['E-mail', 'Name', 'Role'],
      preview: [
        ['jane@acme.com', 'Doe; Jane', 'Admin'],
        ['raj@acme.com', 'Raj', ''],
      ],
      delimiter: ';',
      encoding: 'utf-8',
    });
    // Only a copy moved to the worker: the upload can be read again if the worker lost the table.
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(new TextDecoder().decode(bytes)).toContain('jane@acme.com');
  });

  it('keeps the table it read as the migration file, without the bytes being sent again', async () => {
    const preview = await reader.keep(
      'u1',
      () => {
        throw new Error('the worker should still hold the table');
      },
      {
        dataDir: temp.dir,
        integrationId: 'int_1',
        fileName: 'team.csv',
        mapping: { email: 'E-mail' },
        now: new Date('2026-11-27T10:00:00Z'),
      },
    );
    expect(preview).toMatchObject({ fileName: 'team.csv', rows: 2, mapping: { email: 'E-mail', name: 'Name' } });
    const file = await readMigration(temp.dir, 'int_1');
    expect(file).toMatchObject({
      fileName: 'team.csv',
      importedAt: '2026-11-27T10:00:00.000Z',
      headers: ['E-mail', 'Name', 'Role'],
      mapping: { email: 'E-mail', name: 'Name', role: 'Role' },
      rows: [
        ['jane@acme.com', 'Doe; Jane', 'Admin'],
        ['raj@acme.com', 'Raj', ''],
      ],
      decisions: {},
      results: {},
    });
  });

  it('reads the bytes again when the worker no longer holds the table (kept once already, or the worker restarted)', async () => {
    let asked = 0;
    const bytes = utf8('email,role\nana@acme.com,Admin\n');
    const preview = await reader.keep(
      'u1',
      () => {
        asked += 1;
        return bytes;
      },
      { dataDir: temp.dir, integrationId: 'int_2', fileName: 'again.csv', mapping: {}, now: new Date() },
    );
    expect(asked).toBe(1);
    expect(preview).toMatchObject({ rows: 1, mapping: { email: 'email', role: 'role' } });
    expect((await readMigration(temp.dir, 'int_2'))?.rows).toEqual([['ana@acme.com', 'Admin']]);
  });

  it("carries the reader's refusals across the thread with their code, hint and field", async () => {
    await expect(reader.read('bad', Uint8Array.from([0x65, 0x6d, 0x0a, 0x4a, 0x6f, 0x73, 0xe9]))).rejects.toMatchObject(
      {
        code: 'INVALID_FILE',
        message: 'The file is not valid UTF-8 text.',
        hint: expect.stringContaining('CSV UTF-8'),
      },
    );
    await reader.read('nomail', utf8('name,role\nJane,Admin\n'));
    await expect(
      reader.keep('nomail', () => new Uint8Array(), {
        dataDir: temp.dir,
        integrationId: 'int_3',
        fileName: 'x.csv',
        mapping: {},
        now: new Date(),
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'No email column was found in the export.',
      field: 'mapping.email',
    });
    expect(await readMigration(temp.dir, 'int_3')).toBeUndefined();
  });

  it("keeps main's event loop turning while a 100,000-row export is read and kept", async () => {
    let turns = 0;
    let reading = true;
    const spin = () => {
      if (!reading) return;
      turns += 1;
      setImmediate(spin);
    };
    setImmediate(spin);
    const shape = await reader.read('big', bigExport(100_000));
    const turnsWhileReading = turns;
    await reader.keep('big', () => new Uint8Array(), {
      dataDir: temp.dir,
      integrationId: 'int_big',
      fileName: 'big.csv',
      mapping: {},
      now: new Date(),
    });
    reading = false;
    expect(shape.rows).toBe(100_000);
    // Run in this thread, the read would finish before any other callback could run.
    expect(turnsWhileReading).toBeGreaterThan(1);
    expect(turns).toBeGreaterThan(turnsWhileReading);
    expect((await readMigration(temp.dir, 'int_big'))?.rows[99_999]).toEqual([
      'person.99999@acme.example',
      'Person 99999',
      'Admin',
    ]);
  }, 60_000);

  it('fails the call that was waiting, with a clear message, when the worker dies', async () => {
    const crashing = ExportReader.onWorker(new URL('data:text/javascript,process.exit(3)'));
    await expect(crashing.read('x', utf8('email\na@acme.com\n'))).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'The export reader stopped: it exited with code 3',
    });
    await crashing.close();
  });
});
