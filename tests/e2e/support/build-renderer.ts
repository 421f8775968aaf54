// vitest global setup: build the renderer once for the end-to-end suites (well under a second).
import { build } from 'vite';
import { rendererConfig } from '../../../renderer/vite.config.ts';

export default async function setup(): Promise<void> {
  await build({ ...rendererConfig, logLevel: 'error' });
}
