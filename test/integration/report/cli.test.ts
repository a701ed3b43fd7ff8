import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { captureIo } from '../../support/capture-io';
import { schemaErrors } from '../../support/report-checks';
import { makeTempDir } from '../../support/temp-dir';
import { reportedSetup, type ReportedSetup } from './setup';

describe('okta-onboard report', () => {
  let setup: ReportedSetup;
  let outDir: string;
  beforeAll(async () => {
    setup = await reportedSetup('millie');
    const temp = await makeTempDir();
    outDir = temp.dir;
  }, 240_000);
  afterAll(async () => {
    await setup?.scim.close();
  });

  const cli = async (...args: string[]) => {
    const io = captureIo();
    const code = await runCli(['report', ...args, '--data-dir', setup.h.dataDir], io);
    return { code, io };
  };

  it('writes the integration report in Markdown; exit 0 when nothing fails (steps left are named)', async () => {
    const out = join(outDir, 'millie.md');
    const { code, io } = await cli(
      '--client',
      'Acme (sandbox)',
      '--integration',
      'Millie',
      '--format',
      'md',
      '--out',
      out,
    );
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toContain(`Wrote the Millie report for Acme (sandbox) ("Millie") to ${out} (md,`);
    expect(io.stdout).toContain('Acme (sandbox) / Millie: some required steps are not verified yet.');
    expect(await readFile(out, 'utf8')).toMatch(/^# Millie single sign-on for Acme \(sandbox\)\n/);
  });

  it('takes the only integration when --integration is left out, and writes Terraform', async () => {
    const out = join(outDir, 'acme.tf');
    const { code } = await cli('--client', 'Acme (sandbox)', '--format', 'tf', '--out', out);
    expect(code).toBe(0);
    const facts = (await setup.h.current()).facts;
    expect(await readFile(out, 'utf8')).toContain(`id = "${facts.appId}"`);
  });

  it('writes the portfolio as JSON that validates against its schema', async () => {
    const out = join(outDir, 'portfolio.json');
    const { code, io } = await cli('--portfolio', '--format', 'json', '--out', out, '--json');
    expect(code).toBe(0);
    expect(io.json()).toMatchObject({ out, format: 'json', states: ['incomplete'], exitCode: 0 });
    const portfolio = JSON.parse(await readFile(out, 'utf8')) as { integrations: { integration: { label: string } }[] };
    expect(await schemaErrors('portfolio-report', portfolio)).toEqual([]);
    expect(portfolio.integrations.map((e) => e.integration.label)).toEqual(['Millie']);
  });

  it('refuses an unknown format, tf for the portfolio and a missing --out with exit 2 and the next step', async () => {
    const bad = await cli('--client', 'Acme (sandbox)', '--format', 'docx', '--out', join(outDir, 'x'));
    expect(bad.code).toBe(2);
    expect(bad.io.stderr).toBe(
      'error: --format: "docx" is not a report format.\nhint: Use one of: html, pdf, json, md, tf.\n',
    );
    const tf = await cli('--portfolio', '--format', 'tf', '--out', join(outDir, 'x.tf'));
    expect(tf.code).toBe(2);
    expect(tf.io.stderr).toContain('a Terraform file describes one Okta org');
    const noOut = await cli('--client', 'Acme (sandbox)', '--format', 'html');
    expect(noOut.code).toBe(2);
    expect(noOut.io.stderr).toContain('error: --out is required.');
    const noClient = await cli('--client', 'Nobody', '--format', 'html', '--out', join(outDir, 'n.html'));
    expect(noClient.code).toBe(2);
  });
});
