// Runs Electronegativity over a folder of built JavaScript with no network, and writes its SARIF
// with what the tool's own SARIF leaves out: each finding's severity and confidence, and every
// file it read with whether it parsed. Run as a child process by electronegativity.test.ts:
//   node tests/main/electronegativity-scan.ts <folder> <out.sarif> <electron-version>
//
// Offline, by construction:
// - AvailableSecurityFixesGlobalCheck (fetches Electron's release list) is excluded, and the
//   Electron version is given, so nothing looks it up;
// - the tool also fetches translations from the internet on EVERY run (dist/locales/i18n.js
//   calls `got`); its `got` is replaced here by one that fails at once, so it uses its bundled
//   English strings;
// - every socket connect, DNS lookup, UDP send and fetch in this process is refused and recorded,
//   and the count goes into the SARIF, where the test asserts it is zero.
// The tool's own CLI is not used: it needs commander 2 (undeclared) and gets this project's
// commander 14, which it cannot drive. Its documented programmatic entry (dist/runner.js) is.
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

const [folder, sarifPath, electronVersion] = process.argv.slice(2);
if (!folder || !sarifPath || !electronVersion) {
  process.stderr.write('usage: electronegativity-scan.ts <folder> <out.sarif> <electron-version>\n');
  process.exit(2);
}

const networkAttempts: string[] = [];
function refused(what: string) {
  return (...args: unknown[]): never => {
    networkAttempts.push(`${what} ${JSON.stringify(args[0] ?? null)?.slice(0, 200)}`);
    throw new Error(`Offline scan: ${what} refused`);
  };
}
net.Socket.prototype.connect = refused('net.Socket.connect') as typeof net.Socket.prototype.connect;
dgram.Socket.prototype.send = refused('dgram.send') as typeof dgram.Socket.prototype.send;
dns.lookup = refused('dns.lookup') as unknown as typeof dns.lookup;
dns.promises.lookup = refused('dns.promises.lookup') as typeof dns.promises.lookup;
for (const resolver of [dns.Resolver.prototype, dns.promises.Resolver.prototype] as unknown as Record<string, unknown>[]) {
  for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt']) resolver[name] = refused(`dns.${name}`);
}
globalThis.fetch = refused('fetch') as typeof fetch;

// The tool's `got`: a request that fails at once, without touching the network.
const gotRequesters: string[] = [];
const offlineGot = Object.assign(async () => Promise.reject(new Error('Offline scan: no HTTP')), { get: async () => Promise.reject(new Error('Offline scan: no HTTP')) });
type Loader = (request: string, parent: { filename?: string } | null, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };
const originalLoad = moduleWithLoad._load;
moduleWithLoad._load = function load(request, parent, isMain) {
  if (request === 'got') {
    gotRequesters.push(path.relative(process.cwd(), parent?.filename ?? '?'));
    return offlineGot;
  }
  return originalLoad.call(this, request, parent, isMain);
};

const require = createRequire(import.meta.url);
const toolRoot = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const toolVersion = (require('@doyensec/electronegativity/package.json') as { version: string }).version;

// Which files the tool parsed, and how: wrap its parser (the runner builds its own instance).
interface ParseRecord {
  file: string;
  parsed: boolean;
  kind: string | null;
  tolerableErrors: number;
  error?: string;
}
const parses: ParseRecord[] = [];
const { Parser } = require(path.join(toolRoot, 'dist/parser/parser.js')) as { Parser: { prototype: { parse: (file: string, content: unknown) => unknown[] } } };
const originalParse = Parser.prototype.parse;
Parser.prototype.parse = function parse(file, content) {
  const relative = path.relative(folder, file);
  try {
    const result = originalParse.call(this, file, content);
    const [kind, data, , warnings] = result as [string | undefined, unknown, unknown, unknown[] | undefined];
    parses.push({ file: relative, parsed: data !== null && data !== undefined, kind: kind ?? null, tolerableErrors: warnings?.length ?? 0 });
    return result;
  } catch (error) {
    parses.push({ file: relative, parsed: false, kind: null, tolerableErrors: 0, error: String((error as Error).message).slice(0, 300) });
    throw error;
  }
};

interface Issue {
  id: string;
  file: string;
  severity: { name: string; value: number };
  confidence: { name: string; value: number };
  manualReview?: boolean;
  description: string;
  location?: { line: number; column: number };
}
interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}

const run = require(path.join(toolRoot, 'dist/runner.js')) as (options: Record<string, unknown>, forCli?: boolean) => Promise<RunResult>;

const result = await run({
  input: path.resolve(folder),
  output: sarifPath,
  isSarif: true,
  customScan: [],
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  isRelative: true,
  isVerbose: false,
  electronUpgrade: undefined,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});

// The tool writes its SARIF asynchronously; once the event loop is empty it is on disk.
let enriched = false;
process.on('beforeExit', () => {
  if (enriched) return;
  enriched = true;
  const sarif = JSON.parse(fs.readFileSync(sarifPath, 'utf8')) as {
    runs: { results: { ruleId: string; properties?: Record<string, unknown> }[]; artifacts?: unknown[]; properties?: Record<string, unknown> }[];
  };
  const runLog = sarif.runs[0];
  if (!runLog) throw new Error('The SARIF has no run');
  if (runLog.results.length !== result.issues.length) throw new Error(`SARIF has ${runLog.results.length} results, the run found ${result.issues.length}`);
  runLog.results.forEach((entry, index) => {
    const issue = result.issues[index] as Issue;
    if (entry.ruleId !== issue.id) throw new Error(`SARIF result ${index} is ${entry.ruleId}, the run's is ${issue.id}`);
    entry.properties = { ...entry.properties, severity: issue.severity.name, confidence: issue.confidence.name, manualReview: Boolean(issue.manualReview) };
  });
  runLog.artifacts = parses.map((record) => ({ location: { uri: record.file }, properties: record }));
  runLog.properties = {
    ...runLog.properties,
    toolVersion,
    electronVersion,
    globalChecks: result.globalChecks,
    atomicChecks: result.atomicChecks,
    excludedChecks: ['AvailableSecurityFixesGlobalCheck'],
    parseErrors: result.errors,
    networkAttempts,
    offlineStubs: gotRequesters,
  };
  fs.writeFileSync(sarifPath, `${JSON.stringify(sarif, null, 2)}\n`);
});
