import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The libraries change less often than the application: a chunk of their own stays cached. The
    // charting library is left to the build, which loads it only with the chart that draws with it.
    rollupOptions: { output: { manualChunks: (id: string) => (id.includes('node_modules') && !id.includes('/node_modules/uplot/') ? 'libraries' : undefined) } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
