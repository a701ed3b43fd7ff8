import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, MigrateUploads } from '../../../src-main/services/migrate-uploads';

const part = (text: string) => Buffer.from(text);

describe('vendor export uploads held in main', () => {
  it('joins parts that arrive out of order, and only once all have arrived', () => {
    const uploads = new MigrateUploads();
    const { uploadId } = uploads.addPart('int-1', undefined, 0, 3, part('Email\n'));
    uploads.addPart('int-1', uploadId, 2, 3, part('b@x.example\n'));
    expect(() => uploads.bytes('int-1', uploadId)).toThrow('Part 2 of 3 of the file has not arrived.');
    expect(uploads.addPart('int-1', uploadId, 1, 3, part('a@x.example\n'))).toEqual({
      uploadId,
      received: 3,
      bytes: 30,
    });
    expect(Buffer.from(uploads.bytes('int-1', uploadId)).toString()).toBe('Email\na@x.example\nb@x.example\n');
  });

  it("keeps one upload per integration and never hands one integration's file to another", () => {
    const uploads = new MigrateUploads();
    const first = uploads.addPart('int-1', undefined, 0, 1, part('one')).uploadId;
    const second = uploads.addPart('int-1', undefined, 0, 1, part('two')).uploadId;
    expect(() => uploads.bytes('int-1', first)).toThrow('The chosen file is no longer held by the app');
    expect(() => uploads.bytes('int-2', second)).toThrow('The chosen file is no longer held by the app');
    expect(Buffer.from(uploads.bytes('int-1', second)).toString()).toBe('two');
  });

  it('refuses a part that does not fit the upload, and a file over the cap', () => {
    const uploads = new MigrateUploads();
    const { uploadId } = uploads.addPart('int-1', undefined, 0, 2, part('a'));
    expect(() => uploads.addPart('int-1', uploadId, 1, 3, part('b'))).toThrow(
      'Part 2 of 3 does not belong to this upload.',
    );
    const big = Buffer.alloc(MAX_UPLOAD_BYTES / 2 + 1);
    const huge = uploads.addPart('int-2', undefined, 0, 2, big).uploadId;
    expect(() => uploads.addPart('int-2', huge, 1, 2, big)).toThrow('The file is over 64 MB.');
    expect(() => uploads.bytes('int-2', huge)).toThrow('no longer held');
  });

  it('forgets an upload left waiting for 30 minutes', () => {
    let now = 1_000;
    const uploads = new MigrateUploads(() => now);
    const { uploadId } = uploads.addPart('int-1', undefined, 0, 1, part('x'));
    now += 30 * 60 * 1000 + 1;
    expect(() => uploads.bytes('int-1', uploadId)).toThrow('waited over 30 minutes');
  });
});
