#!/usr/bin/env node
// Runs Botdeck locally for a newcomer: prepares `.env`, creates and migrates the database,
// then starts the API and the worker (and the Discord sandbox when no real Discord is
// configured). A child that dies is restarted with backoff (scripts/supervisor.js); Ctrl-C /
// SIGTERM stops them all together.
'use strict';

const { randomBytes } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { Supervisor } = require('./supervisor');

const root = path.resolve(__dirname, '..');
const dist = (...parts) => path.join(root, 'dist', ...parts);

// Secrets a local run needs; generated once into .env (and added to an older .env that lacks them).
const GENERATED = {
  JWT_SECRET: () => randomBytes(32).toString('hex'),
  ADMIN_PASSWORD: () => randomBytes(12).toString('base64url'),
  BOT_TOKEN_KEYS: () => `local-1:${randomBytes(32).toString('base64')}`,
};

function prepareEnvFile() {
  const envFile = path.join(root, '.env');
  const existed = existsSync(envFile);
  let text = existed
    ? readFileSync(envFile, 'utf8')
    : readFileSync(path.join(root, '.env.example'), 'utf8');
  const filled = [];
  for (const [name, generate] of Object.entries(GENERATED)) {
    if (process.env[name]) continue;
    const line = new RegExp(`^${name}=(.*)$`, 'm');
    const match = text.match(line);
    if (match && match[1].trim() !== '') continue;
    const entry = `${name}=${generate()}`;
    text = match ? text.replace(line, entry) : `${text.trimEnd()}\n${entry}\n`;
    filled.push(name);
  }
  if (!existed || filled.length > 0) {
    writeFileSync(envFile, text, { mode: 0o600 });
    console.log(
      `[botdeck] ${existed ? 'updated' : 'created'} .env (generated ${filled.join(', ') || 'nothing'})`,
    );
  }
  process.loadEnvFile(envFile);
}

async function prepareDatabase() {
  const { ensureDatabase, runMigrations, DEFAULT_DATABASE_URL } = require(dist('libs/core/src'));
  const { migrations } = require(dist('libs/migrations/src'));
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (await ensureDatabase(url))
    console.log(`[botdeck] created database ${new URL(url).pathname.slice(1)}`);
  const applied = await runMigrations(url, migrations);
  console.log(`[botdeck] migrations: ${applied.length ? applied.join(', ') : 'up to date'}`);
}

/**
 * Real Discord when DISCORD_API_URL names something other than the local sandbox; otherwise
 * starts the sandbox on SANDBOX_PORT and waits until it answers, so bots can log in at once.
 */
async function startDiscord() {
  const port = process.env.SANDBOX_PORT || '3300';
  const url = `http://127.0.0.1:${port}`;
  const configured = (process.env.DISCORD_API_URL || '').trim().replace(/\/+$/, '');
  const local = [url, `http://localhost:${port}`];
  if (configured && !local.includes(configured)) return { sandbox: false, url: configured };

  const sandbox = start('discord-sandbox', 'apps/discord-sandbox/src/main.js', {
    SANDBOX_PORT: port,
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    // A sandbox that dies before it ever answers will not do better on a restart.
    if (sandbox.starts > 1 || sandbox.child.exitCode !== null)
      throw new Error(`the Discord sandbox exited (port ${port} busy?)`);
    try {
      if ((await fetch(`${url}/_sandbox/stats`)).ok) return { sandbox: true, url };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the Discord sandbox did not answer on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const supervisor = new Supervisor();

function start(name, script, env = {}) {
  return supervisor.add(name, process.execPath, [dist(script)], {
    env: { ...process.env, ...env },
  });
}

async function main() {
  prepareEnvFile();
  process.env.NODE_ENV ||= 'development';
  await prepareDatabase();
  supervisor.stopOnSignals(0);

  const discord = await startDiscord();
  start('api', 'apps/api/src/main.js', {
    DATABASE_RUN_MIGRATIONS: 'false',
    DISCORD_API_URL: discord.url,
  });
  start('worker', 'apps/worker/src/main.js', { DISCORD_API_URL: discord.url });

  const port = process.env.PORT || '3000';
  const dashboard = existsSync(
    path.join(process.env.DASHBOARD_DIR || dist('dashboard'), 'index.html'),
  );
  console.log(
    `[botdeck] Dashboard:  http://localhost:${port}/${dashboard ? '' : ' (not built: run npm run build)'}`,
  );
  console.log(`[botdeck] API:        http://localhost:${port}/api/v1`);
  console.log(`[botdeck] Swagger UI: http://localhost:${port}/docs`);
  console.log(
    discord.sandbox
      ? `[botdeck] Discord:    the sandbox at ${discord.url} (control API ${discord.url}/_sandbox; set DISCORD_API_URL for real Discord)`
      : `[botdeck] Discord:    ${discord.url} (DISCORD_API_URL; no sandbox started)`,
  );
  console.log(
    `[botdeck] Admin login: ${process.env.ADMIN_EMAIL || '(ADMIN_EMAIL not set)'} with ADMIN_PASSWORD from .env`,
  );
}

main().catch((error) => {
  console.error(`[botdeck] could not start: ${error.message}`);
  process.exitCode = 1;
  void supervisor.stop();
});
