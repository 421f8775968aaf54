// The renderer's build, shared by electron-vite (the app) and plain vite (the browser host and
// the end-to-end tests, which need no Electron).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

// Paths from the project root (every build runs there): electron-vite bundles this file with its
// own config, so import.meta would point somewhere else.
const here = resolve('renderer');

export const rendererConfig: UserConfig = {
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve('out/renderer'),
    emptyOutDir: true,
    // No inline scripts or styles: the CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    minify: true,
    rollupOptions: { input: resolve(here, 'index.html') },
  },
};

export default rendererConfig;
