// A stand-in for a Botdeck process under the supervisor. It records its life as JSON lines in
// EVENTS_FILE: {"name","event":"start"|"stop","pid","at"}.
// MODE=steady runs until SIGTERM; MODE=crash exits with code 1 at once; MODE=crash-later
// exits with code 1 after CRASH_AFTER_MS; MODE=stubborn ignores SIGTERM (only SIGKILL ends it).
'use strict';

const { appendFileSync } = require('node:fs');

const name = process.env.CHILD_NAME;
const record = (event) =>
  appendFileSync(
    process.env.EVENTS_FILE,
    `${JSON.stringify({ name, event, pid: process.pid, at: Date.now() })}\n`,
  );

record('start');
if (process.env.MODE === 'crash') process.exit(1);
if (process.env.MODE === 'crash-later') {
  setTimeout(() => process.exit(1), Number(process.env.CRASH_AFTER_MS));
}
setInterval(() => undefined, 1_000);
process.on('SIGTERM', () => {
  if (process.env.MODE === 'stubborn') return;
  record('stop');
  process.exit(0);
});
