// The Electronegativity gate (QUALITY.md, "The Electron shell"): build main and preload into a
// temporary folder, scan the built JavaScript offline, and fail on any finding of severity ≥ medium
// and confidence ≥ firm. The gate reads the SARIF, never the tool's exit code. A canary scan of a
// deliberately unsafe file proves the offline tool still finds what it should.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ELECTRON_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 } as const;
const CONFIDENCE = { TENTATIVE: 0, FIRM: 1, CERTAIN: 2 } as const;

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  properties: { severity: keyof typeof SEVERITY; confidence: keyof typeof CONFIDENCE; manualReview: boolean };
}
interface SarifRun {
  results: SarifResult[];
  artifacts: { location: { uri: string }; properties: { parsed: boolean; tolerableErrors: number; error?: string } }[];
  properties: { parseErrors: unknown[]; networkAttempts: string[]; excludedChecks: string[]; electronVersion: string; atomicChecks: number; globalChecks: number };
}

let work = '';
let configDir = '';

function run(command: string[], cwd = ROOT) {
  const [file, ...args] = command as [string, ...string[]];
  const result = spawnSync(file, args, { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' }, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${command.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** Scans `folder` with the offline runner and returns the SARIF's one run. */
function scan(folder: string, sarifFile: string): SarifRun {
  run([process.execPath, path.join(ROOT, 'tests/main/electronegativity-scan.ts'), folder, sarifFile, ELECTRON_VERSION]);
  const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as { version: string; runs: SarifRun[] };
  expect(sarif.version).toBe('2.1.0');
  const [first] = sarif.runs;
  if (!first) throw new Error('The SARIF has no run');
  return first;
}

function atLeastMediumAndFirm(results: SarifResult[]): string[] {
  return results
    .filter((r) => SEVERITY[r.properties.severity] >= SEVERITY.MEDIUM && CONFIDENCE[r.properties.confidence] >= CONFIDENCE.FIRM)
    .map((r) => {
      const where = r.locations[0]?.physicalLocation;
      return `${r.ruleId} ${r.properties.severity}/${r.properties.confidence} ${where?.artifactLocation.uri}:${where?.region.startLine} ${r.message.text}`;
    });
}

let built = '';
let scanned = '';
let report: SarifRun;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-electronegativity-'));
  // The build config must sit inside the project so its imports resolve from node_modules; it
  // builds main and preload only (the renderer has no Electron API to check).
  fs.mkdirSync(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
  configDir = fs.mkdtempSync(path.join(ROOT, 'node_modules/.cache/ewb-electronegativity-'));
  const config = path.join(configDir, 'main-and-preload.config.mjs');
  fs.writeFileSync(config, `import config from '${path.join(ROOT, 'electron.vite.config.ts')}';\nexport default { main: config.main, preload: config.preload };\n`);
  built = path.join(work, 'out');
  run([process.execPath, path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', config, '--outDir', built, '--logLevel', 'error']);

  // The tool reads only .js/.jsx/.ts/.tsx/.html files: the CommonJS preload is scanned under a .js name.
  scanned = path.join(work, 'scan');
  fs.mkdirSync(path.join(scanned, 'main'), { recursive: true });
  fs.mkdirSync(path.join(scanned, 'preload'), { recursive: true });
  for (const name of fs.readdirSync(path.join(built, 'main'))) {
    if (/\.(c|m)?js$/.test(name)) fs.copyFileSync(path.join(built, 'main', name), path.join(scanned, 'main', name.replace(/\.(c|m)js$/, '.js')));
  }
  fs.copyFileSync(path.join(built, 'preload/index.cjs'), path.join(scanned, 'preload/index.js'));
  const sarifFile = path.join(work, 'electronegativity.sarif');
  report = scan(scanned, sarifFile);
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  fs.copyFileSync(sarifFile, path.join(ROOT, 'test-results/electronegativity.sarif'));
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
  if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
});

describe('the built bundles', () => {
  it('preload requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    const preload = fs.readFileSync(path.join(built, 'preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*(['"`])([^'"`]*)\1\s*\)/g)].map((m) => m[2]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/\bimport\s*\(|\bimport\.meta\b|\bprocess\.|zod/);
  });

  it('main imports only Node built-ins, electron and declared dependencies', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const allowed = new Set(['electron', ...Object.keys(pkg.dependencies), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const main = fs.readFileSync(path.join(built, 'main/index.js'), 'utf8');
    const imported = [...main.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm), ...main.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !allowed.has(name) && !name.startsWith('./'))).toEqual([]);
  });
});

describe('Electronegativity over the built main and preload', () => {
  it('parsed every file it was given, main and preload included', () => {
    const files = report.artifacts.map((a) => a.location.uri).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(['main/index.js', 'preload/index.js']));
    expect(files).toEqual(fs.readdirSync(scanned, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).sort());
    expect(report.artifacts.filter((a) => !a.properties.parsed || a.properties.error)).toEqual([]);
    expect(report.properties.parseErrors).toEqual([]);
  });

  it('ran offline: the release check excluded, the Electron version given, no request attempted', () => {
    expect(report.properties.excludedChecks).toEqual(['AvailableSecurityFixesGlobalCheck']);
    expect(report.properties.electronVersion).toBe(ELECTRON_VERSION);
    expect(report.properties.networkAttempts).toEqual([]);
    expect(report.properties.atomicChecks).toBeGreaterThan(20);
  });

  it('has no finding of severity ≥ medium and confidence ≥ firm', () => {
    expect(atLeastMediumAndFirm(report.results)).toEqual([]);
  });
});

describe('the Content Security Policy', () => {
  // The tool finds our policy where onHeadersReceived sets it, but cannot read its text (a constant,
  // not a literal), so it files it as "failed to parse" (low, tentative). This runs the evaluator
  // its CSP check uses on the real text: a high or medium finding there would make it "weak".
  it('is not weak by the evaluator Electronegativity uses', () => {
    const csp = createRequire(import.meta.url)('@doyensec/csp-evaluator') as {
      CspParser: new (text: string) => { csp: unknown };
      CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; description: string }[] };
      Version: { CSP3: unknown };
      severities: Record<'HIGH' | 'MEDIUM' | 'SYNTAX', number>;
    };
    const findings = new csp.CspEvaluator(new csp.CspParser(CONTENT_SECURITY_POLICY).csp, csp.Version.CSP3).evaluate();
    const serious = [csp.severities.HIGH, csp.severities.MEDIUM, csp.severities.SYNTAX];
    expect(findings.filter((f) => serious.includes(f.severity)).map((f) => `${f.directive}: ${f.description}`)).toEqual([]);
  });
});

describe('the gate itself', () => {
  it('still catches an unsafe window, no CSP, no navigation limit and no permission handler (a canary file)', () => {
    const canary = path.join(work, 'canary');
    fs.mkdirSync(canary, { recursive: true });
    fs.writeFileSync(
      path.join(canary, 'main.js'),
      [
        "const { BrowserWindow, shell } = require('electron');",
        'const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });',
        "win.webContents.on('new-window', (e, url) => shell.openExternal(url));",
        '',
      ].join('\n'),
    );
    const rules = new Set(atLeastMediumAndFirm(scan(canary, path.join(work, 'canary.sarif')).results).map((line) => line.split(' ')[0]));
    for (const rule of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'CSP_GLOBAL_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(rules, rule).toContain(rule);
    }
  }, 120_000);
});
