import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Start a log worker. A worker needs a JavaScript entry: built code (dist/,
 * dist-bench/) has log-worker.js beside this file; under ts-jest the sources
 * are .ts, so the worker first installs a require hook that transpiles .ts
 * files with TypeScript (a dev dependency, present wherever the tests run).
 */
export function spawnLogWorker(): Worker {
  const ext = extname(__filename);
  const entry = join(__dirname, `log-worker${ext}`);
  if (ext !== '.ts') return new Worker(entry);
  return new Worker(TS_LOADER, { eval: true, workerData: { entry } });
}

const TS_LOADER = `
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const ts = require(require.resolve('typescript', { paths: [process.cwd(), ${JSON.stringify(__dirname)}] }));
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
require.extensions['.ts'] = (module, filename) => {
  module._compile(ts.transpileModule(readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions: options }).outputText, filename);
};
require(workerData.entry);
`;
