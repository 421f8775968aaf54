// A file's SHA-256, for the tests that hold a file to be left exactly as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';

export function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
