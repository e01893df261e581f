// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next buffers a copy of each request body for the proxy; proxy.ts refuses larger declared bodies (lib/http/body-limit.ts).
  experimental: { proxyClientMaxBodySize: 2 * 1024 * 1024 },
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ['@duckdb/node-api', '@aws-crypto/client-node'],
  // The FLE code (Encryption SDK) probes Node's crypto in a try; browsers use WebCrypto instead.
  turbopack: { resolveAlias: { crypto: { browser: './lib/fle/empty-module.ts' } } },
  async headers() {
    return [
      {
        // DuckDB's wasm and worker files are versioned by folder, so they never change in place.
        source: '/duckdb/:path*',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
      },
    ];
  },
};

module.exports = nextConfig;
