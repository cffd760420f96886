// Keeps the processes of a local Botdeck run alive: a child that dies (non-zero exit or a
// signal) is restarted after a delay that doubles on every quick failure, up to a cap, so a
// child that crashes at start never spins in a hot loop; a child that ran long enough starts
// again from the shortest delay. stop() ends them all (SIGTERM, then SIGKILL past a deadline).
// Plain JavaScript: it runs before anything is built.
'use strict';

const { spawn } = require('node:child_process');

const DEFAULTS = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  // A child that lived this long was healthy: its next failure is a new incident.
  stableAfterMs: 60_000,
  stopTimeoutMs: 15_000,
};

/** The delay before restart number `failures` (1-based) of a child. */
function backoffDelay(failures, { initialDelayMs, maxDelayMs }) {
  return Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, failures - 1));
}

class Supervisor {
  /**
   * @param {object} [options] backoff and stop timings (see DEFAULTS), `log(line)` and
   *   `warn(line)` for what happens to the children.
   */
  constructor(options = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.log = options.log ?? ((line) => console.log(`[botdeck] ${line}`));
    this.warn = options.warn ?? ((line) => console.error(`[botdeck] ${line}`));
    this.services = [];
    this.stopping = null;
  }

  /**
   * Starts `command args` as `name` and keeps it running. Returns the service: `child` is
   * the current process, `starts` counts how many were spawned.
   */
  add(name, command, args = [], { env = process.env, stdio = 'inherit' } = {}) {
    const service = { name, command, args, env, stdio, child: null, starts: 0, failures: 0 };
    this.services.push(service);
    this.spawn(service);
    return service;
  }

  spawn(service) {
    service.restartTimer = null;
    service.startedAt = Date.now();
    service.starts += 1;
    const child = spawn(service.command, service.args, { env: service.env, stdio: service.stdio });
    service.child = child;
    child.on('error', (error) => this.warn(`${service.name} could not start: ${error.message}`));
    child.on('exit', (code, signal) => this.exited(service, code, signal));
  }

  exited(service, code, signal) {
    if (this.stopping) return;
    const how = signal ?? `code ${code}`;
    if (code === 0) {
      this.log(`${service.name} exited cleanly; not restarting it`);
      return;
    }
    if (Date.now() - service.startedAt >= this.options.stableAfterMs) service.failures = 0;
    service.failures += 1;
    const delay = backoffDelay(service.failures, this.options);
    this.warn(
      `${service.name} exited (${how}); restarting it in ${delay} ms (failure ${service.failures})`,
    );
    service.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.log(`restarting ${service.name}`);
      this.spawn(service);
    }, delay);
  }

  /** Stops every child and any pending restart; resolves once all have exited. */
  stop() {
    if (this.stopping) return this.stopping;
    const running = [];
    for (const service of this.services) {
      clearTimeout(service.restartTimer);
      const child = service.child;
      if (child && child.exitCode === null && child.signalCode === null) {
        running.push(new Promise((resolve) => child.once('exit', resolve)));
        child.kill('SIGTERM');
      }
    }
    const deadline = setTimeout(() => {
      for (const { name, child } of this.services) {
        if (child && child.exitCode === null && child.signalCode === null) {
          this.warn(`${name} did not stop within ${this.options.stopTimeoutMs} ms; killing it`);
          child.kill('SIGKILL');
        }
      }
    }, this.options.stopTimeoutMs);
    this.stopping = Promise.all(running).then(() => clearTimeout(deadline));
    return this.stopping;
  }

  /** Ctrl-C or SIGTERM stops everything, then exits with `exitCode`. */
  stopOnSignals(exitCode = 0) {
    const onSignal = (signal) => {
      this.log(`${signal}: stopping`);
      this.stop().then(() => process.exit(exitCode));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
}

module.exports = { Supervisor, backoffDelay, DEFAULTS };
