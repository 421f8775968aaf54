// Build wiring for the three bundles: Electron main (ESM, node_modules external so better-sqlite3
// loads its own binary), the sandboxed preload (one self-contained CommonJS file), and the renderer.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config.ts';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      // Heavy reads (spreadsheets, census CSVs, lookups, interchange files) run in a worker thread: built beside main as its own entry.
      lib: { entry: { index: resolve('electron/main/index.ts'), 'file-worker': resolve('electron/core/workers/file-worker.ts') }, formats: ['es'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: bundle everything, as CommonJS.
      externalizeDeps: false,
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: rendererConfig,
});
