// Every TypeScript project type-checks under strict TypeScript (the contract's `satisfies` included):
// the Node side, and shared/ and the renderer on their own, without Node's types.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist', 'coverage', 'test-results', '.git']);

/** Every tsconfig.json in the repository, so a project added later is checked without editing this test. */
function findProjects(folder = root): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : findProjects(path.join(folder, entry.name));
    return entry.name === 'tsconfig.json' ? [path.relative(root, path.join(folder, entry.name))] : [];
  });
}

function typeCheck(project: string): Promise<{ project: string; status: number | null; output: string }> {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ project, status, output }));
  });
}

describe('TypeScript', () => {
  const projects = findProjects().sort();

  it('has the Node side, shared/ and the renderer as projects of their own', () => {
    expect(projects).toEqual(expect.arrayContaining(['tsconfig.json', path.join('shared', 'tsconfig.json'), path.join('renderer', 'tsconfig.json')]));
  });

  it('tsc --noEmit reports no errors in any project', async () => {
    const results = await Promise.all(projects.map(typeCheck));
    expect(results.map(({ project, status, output }) => ({ project, status, output }))).toEqual(projects.map((project) => ({ project, status: 0, output: '' })));
  }, 180_000);
});
