// `npm start`: build, then launch Electron if its binary is installed; otherwise say so in one
// line and start the loopback browser host, printing the address (with its token) to open.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '../..');

/** The Electron binary's path if it has been downloaded (requiring 'electron' would try to fetch it). */
export function installedElectronBinary(electronDir = path.join(root, 'node_modules', 'electron')): string | null {
  try {
    const relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(electronDir, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`error: "${[command, ...args].join(' ')}" failed; see above.`);
    process.exit(result.status ?? 1);
  }
}

if (import.meta.main) {
  const binary = installedElectronBinary();
  const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
  if (binary) {
    run(bin('electron-vite'), ['build']);
    const child = spawn(binary, [path.join(root, 'out', 'main', 'index.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    console.log('The Electron binary is not installed here (run "npx install-electron" where the internet is reachable), so Engagement Workbook starts in your browser instead.');
    run(bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
    const host = spawn(process.execPath, [path.join(root, 'electron', 'host', 'start-host.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
    host.on('exit', (code) => process.exit(code ?? 0));
  }
}
