import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { DEFAULT_KUBERNETES_VERSION } from '../validate/versions';
import { versionRanges } from '../validate/versions/ranges';
import { type CheckOptions, checkDocuments } from './documents';
import { type InputText, readInputFile } from './inputs';
import type { CheckResult } from './result';

/** The verdicts on one input: its documents', or a single `input/unreadable` when it could not be read. */
export function checkInput(input: InputText, options: CheckOptions = {}): CheckResult[] {
  if (input.text === undefined) {
    return [
      {
        file: input.name,
        document: 0,
        line: 1,
        status: 'unreadable',
        errors: [{ path: '', code: 'input/unreadable', message: input.error ?? 'cannot read', line: 1, column: 1 }],
        warnings: [],
        kubernetesVersion: versionRanges(options.kubernetesVersions ?? [DEFAULT_KUBERNETES_VERSION]),
      },
    ];
  }
  return checkDocuments(input.name, input.text, options);
}

/** What a worker needs to check files as this thread would. */
export interface FileCheckOptions extends CheckOptions {
  readonly maxBytes: number;
}

/** One file, from a worker back to the command. */
export interface FileVerdicts {
  readonly index: number;
  readonly results: CheckResult[];
}

/** The compiled worker script; absent when running from the TypeScript sources (tests), which then stay sequential. */
const WORKER_SCRIPT = path.join(__dirname, 'files-worker.js');

/**
 * Threads to check these files on (this one included), for `--jobs N`: below 2, this thread
 * alone. Not the default: on the 2-vCPU machine the benchmark runs on, two threads took
 * 1.37-1.76 s for 10,000 documents where one took 1.45-1.74 s (each isolate warms up its own
 * JIT, and one thread already leaves the second core to V8's concurrent compiler and garbage
 * collector), so parallelism only pays on more, or freer, cores.
 */
export function workersFor(files: readonly string[], jobs: number | undefined): number {
  if (jobs === undefined || jobs < 2 || files.includes('-') || !fs.existsSync(WORKER_SCRIPT)) return 0;
  return Math.min(jobs, files.length);
}

/**
 * Checks files on `threads` threads, this one and `threads - 1` workers, each taking the next
 * file as it finishes one (a worker has two in flight, so it never waits for the next), and
 * returns the verdicts in the order of `files`: the same array, element for element, as checking
 * them one by one in this thread. `tick` gets the count of files done. A worker that dies has
 * its files checked here instead, so an error surfaces exactly as in a sequential run.
 */
export async function checkFilesInWorkers(
  files: readonly string[],
  options: FileCheckOptions,
  threads: number,
  tick: (done: number) => void,
): Promise<CheckResult[]> {
  const { Worker } = await import('node:worker_threads');
  const byFile: (CheckResult[] | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const pool: Worker[] = [];
  const workersDone: Promise<void>[] = [];
  for (let w = 1; w < threads; w++) {
    workersDone.push(
      new Promise<void>((resolve) => {
        let worker: Worker;
        try {
          worker = new Worker(WORKER_SCRIPT, { workerData: options });
        } catch {
          resolve(); // no worker: its share falls to the others
          return;
        }
        pool.push(worker);
        const inFlight = new Set<number>();
        const send = (): void => {
          if (next >= files.length) return;
          inFlight.add(next);
          worker.postMessage({ index: next, file: files[next] });
          next++;
        };
        worker.on('message', (m: FileVerdicts) => {
          byFile[m.index] = m.results;
          inFlight.delete(m.index);
          tick(++done);
          send();
          if (inFlight.size === 0) resolve();
        });
        const fail = (): void => {
          // Its unfinished files are checked here (below), which reports any error as a sequential run would.
          inFlight.clear();
          resolve();
        };
        worker.on('error', fail);
        worker.on('exit', fail);
        send();
        send();
      }),
    );
  }
  // This thread takes files too, letting the workers' messages in between two.
  while (next < files.length) {
    const i = next++;
    byFile[i] = checkInput(readInputFile(files[i], options.maxBytes), options);
    tick(++done);
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all(workersDone);
  await Promise.all(pool.map((w) => w.terminate()));
  const out: CheckResult[] = [];
  for (let i = 0; i < files.length; i++) {
    let results = byFile[i];
    if (results === undefined) {
      results = checkInput(readInputFile(files[i], options.maxBytes), options);
      tick(++done);
    }
    out.push(...results);
  }
  return out;
}
