// `npm run bench`: the speed and memory targets of QUALITY.md, measured as ratios against
// baselines run in the same process where a baseline exists. Machines are noisy: figures, not tests.
import { benchEditLatency } from './edit-latency.ts';
import { printResults, type BenchResult } from './bench-stats.ts';

const results: BenchResult[] = [];
console.log('Edit latency (500 edits each)…');
results.push(await benchEditLatency(500));
console.log('');
printResults(results);
