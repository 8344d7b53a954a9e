import { parentPort, workerData } from 'node:worker_threads';
import { checkInput, type FileCheckOptions, type FileVerdicts } from './files';
import { readInputFile } from './inputs';

// A worker thread of checkFilesInWorkers (files.ts): checks the files it is handed, one message each.
const options = workerData as FileCheckOptions;
parentPort!.on('message', ({ index, file }: { index: number; file: string }) => {
  const reply: FileVerdicts = { index, results: checkInput(readInputFile(file, options.maxBytes), options) };
  parentPort!.postMessage(reply);
});
