import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The libraries change less often than the application: a chunk of their own stays cached.
    rollupOptions: { output: { manualChunks: (id: string) => (id.includes('node_modules') ? 'libraries' : undefined) } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
