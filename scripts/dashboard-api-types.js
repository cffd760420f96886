#!/usr/bin/env node
// Generates the dashboard's API types from Botdeck's OpenAPI document with openapi-typescript,
// so the dashboard never carries hand-written copies of the DTOs.
//
//   node scripts/dashboard-api-types.js                  # the spec built in-process (dist/, after `nest build api`)
//   node scripts/dashboard-api-types.js --from <url>     # the spec of a running API (…/docs-json)
//   node scripts/dashboard-api-types.js --check [...]    # exit 1 when the committed file is stale
'use strict';

const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const OUTPUT = path.join(root, 'apps/dashboard/src/api/openapi.d.ts');
const HEADER =
  "// Generated from the API's OpenAPI document by scripts/dashboard-api-types.js; do not edit.\n" +
  '// Regenerate with `npm run dashboard:api-types` after changing a route or DTO.\n';

async function specFromUrl(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.json();
}

async function specInProcess() {
  const envFile = path.join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  process.env.LOG_LEVEL ||= 'error';
  const bootstrap = path.join(root, 'dist/apps/api/src/bootstrap.js');
  if (!existsSync(bootstrap)) throw new Error('dist/ has no API: run `nest build api` first');
  const { createApiApp } = require(bootstrap);
  const { buildOpenApiDocument } = require(path.join(root, 'dist/apps/api/src/swagger.js'));
  const app = await createApiApp();
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

async function render(spec) {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  const prettier = await import('prettier');
  const ast = await openapiTS(spec, { alphabetize: true, exportType: true });
  const source = HEADER + astToString(ast);
  const options = (await prettier.resolveConfig(OUTPUT)) ?? {};
  return prettier.format(source, { ...options, filepath: OUTPUT });
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const fromIndex = args.indexOf('--from');
  const spec = fromIndex >= 0 ? await specFromUrl(args[fromIndex + 1]) : await specInProcess();
  const text = await render(spec);
  const relative = path.relative(root, OUTPUT);
  if (check) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
    if (current !== text) {
      console.error(`${relative} is stale: run \`npm run dashboard:api-types\` and commit it`);
      process.exitCode = 1;
      return;
    }
    console.log(`${relative} is up to date`);
    return;
  }
  writeFileSync(OUTPUT, text);
  console.log(`wrote ${relative}`);
}

main().catch((error) => {
  console.error(`dashboard-api-types: ${error.message}`);
  process.exitCode = 1;
});
