import { parentPort, workerData } from 'node:worker_threads';
import { contextOf, type FilePair, planPairs } from './by-file';
import type { PlanOptions } from './classify';

// A worker thread of planInThreads (threads.ts): plans its group of file pairs, sends the outcome once.
const { pairs, options } = workerData as { pairs: FilePair[]; options: PlanOptions };
parentPort!.postMessage(planPairs(pairs, contextOf(options)));
