// `npm test`'s first step: the Debian packages the suites need (Chromium for the end-to-end
// tests) are installed with apt-get when missing and we are root; otherwise it says what to run.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const NEEDED: Array<{ file: string; pkg: string; why: string }> = [
  { file: '/usr/bin/chromium', pkg: 'chromium', why: "the end-to-end tests drive Debian's Chromium" },
  { file: '/usr/bin/strace', pkg: 'strace', why: 'the durability test watches for an fsync before each acknowledged edit' },
  { file: '/usr/bin/soffice', pkg: 'libreoffice-writer-nogui', why: 'the Word export is converted to PDF by LibreOffice in a test' },
  { file: '/usr/lib/libreoffice/program/libsclo.so', pkg: 'libreoffice-calc-nogui', why: 'the Excel export is converted to PDF by LibreOffice in a test' },
  { file: '/usr/bin/pdftotext', pkg: 'poppler-utils', why: 'the converted PDFs are read back as text' },
];

const missing = NEEDED.filter((need) => !fs.existsSync(need.file));
if (missing.length > 0) {
  const names = missing.map((m) => m.pkg);
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`Installing ${names.join(', ')} with apt-get (${missing.map((m) => m.why).join('; ')})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env }) : update;
    if (install.status !== 0) {
      console.error(`error: apt-get could not install ${names.join(', ')}; install them and run the tests again.`);
      process.exit(1);
    }
  } else {
    console.error(`error: the tests need ${names.join(', ')} (${missing.map((m) => m.why).join('; ')}). Install with: sudo apt-get install ${names.join(' ')}`);
    process.exit(1);
  }
}
