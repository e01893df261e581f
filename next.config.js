// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ['@duckdb/node-api', '@aws-crypto/client-node'],
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
