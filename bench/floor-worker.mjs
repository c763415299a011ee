/** bench/floor.mjs --parallel: parse one CSV with csv-parse and send back its record count. */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';

parentPort.postMessage(parse(readFileSync(workerData.file, 'utf8'), workerData.options).length);
