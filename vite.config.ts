import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { serviceWorkerPlugin } from './scripts/vite/service-worker-plugin.ts';
import { cspPlugin } from './vite.csp.ts';

export default defineConfig(({ mode }) => ({
  root: 'web',
  base: './',
  plugins: [
    react(),
    cspPlugin(loadEnv(mode, resolve(import.meta.dirname, 'web'), 'VITE_')),
    serviceWorkerPlugin(),
  ],
  server: { host: '127.0.0.1', port: 5173, fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'web/index.html'),
        baseline: resolve(import.meta.dirname, 'web/bench/baseline.html'),
        floor: resolve(import.meta.dirname, 'web/bench/floor.html'),
      },
    },
  },
  worker: { format: 'es' },
}));
