// Loaded with `node --import` to list every module a process resolves, on stderr, one per line:
// lets a test prove that a command never loads heavy libraries it does not need.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  process.stderr.write('module-trace ' + result.url + '\\n');
  return result;
}
`),
);
