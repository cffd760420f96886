// Runs scripts/supervisor.js as `npm start` does, over fake children, for the supervisor test.
// SERVICES: JSON [{ "name", "mode", "env"? }]; SUPERVISOR_OPTIONS: JSON options for the Supervisor.
'use strict';

const path = require('node:path');
const { Supervisor } = require('../../../scripts/supervisor');

const supervisor = new Supervisor(JSON.parse(process.env.SUPERVISOR_OPTIONS || '{}'));
for (const { name, mode, env = {} } of JSON.parse(process.env.SERVICES)) {
  supervisor.add(name, process.execPath, [path.join(__dirname, 'fake-child.js')], {
    env: { ...process.env, ...env, CHILD_NAME: name, MODE: mode },
  });
}
supervisor.stopOnSignals(0);
