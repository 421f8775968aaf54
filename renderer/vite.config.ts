// The renderer's build, shared by electron-vite (the app) and plain vite (the browser host and
// the end-to-end tests, which need no Electron).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../out/renderer'),
    emptyOutDir: true,
    // No inline scripts or styles: the CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: { input: resolve(import.meta.dirname, 'index.html') },
  },
};

export default rendererConfig;
