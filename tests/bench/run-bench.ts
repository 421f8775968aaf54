// `npm run bench`: the speed and memory targets of QUALITY.md, measured as ratios against
// baselines run in the same process where a baseline exists. Machines are noisy: figures, not tests.
import { benchEditLatency } from './edit-latency.ts';
import { benchEditRoundTrip } from './edit-round-trip.ts';
import { benchExportExcel } from './export-excel.ts';
import { benchExportWord } from './export-word.ts';
import { benchRenderer20k } from './renderer-20k.ts';
import { benchHowRenderer } from './how-renderer.ts';
import { benchCensusImport } from './census-import.ts';
import { benchCrimeImport } from './crime-import.ts';
import { benchValueCheck } from './value-check.ts';
import { benchPracticeComparison } from './practice-comparison.ts';
import { benchMessageSimilarity } from './message-similarity.ts';
import { printResults, type BenchResult } from './bench-stats.ts';

const results: BenchResult[] = [];
console.log('Edit latency (500 edits each)…');
results.push(await benchEditLatency(500));
console.log('One edit on a 20,000-record workbook (500 edits each way)…');
results.push(...(await benchEditRoundTrip(500)));
console.log('Census import (300 local authorities × 20 categories, 5 runs)…');
results.push(await benchCensusImport(5, 300));
console.log('Crime import of 1,000,000 police.uk rows against the parser alone (3 runs each, a process each)…');
results.push(...(await benchCrimeImport(1_000_000, 3)));
console.log('Value check on opening a workbook of 20,000 records (5 runs)…');
results.push(await benchValueCheck(5, 20_000));
console.log('Practice library of every force (46 × 500 practices): adding a workbook, and every comparison…');
results.push(...(await benchPracticeComparison(500)));
console.log('Near-duplicate messages among 2,000 (5 runs)…');
results.push(benchMessageSimilarity(5, 2000));
console.log('Renderer with 20,000 records (Chromium through the browser host)…');
results.push(...(await benchRenderer20k(20_000)));
console.log('How: the receptivity grid (200 × 30) and lists of 20,000 channels, partners, events and practices (Chromium)…');
results.push(...(await benchHowRenderer()));
console.log('Exports of 20,000 records…');
results.push(await benchExportWord());
results.push(await benchExportExcel());
console.log('');
printResults(results);
