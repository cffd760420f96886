import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** This worker process as lease holder: unique per process, readable in Redis and logs. */
export class WorkerIdentity {
  readonly id = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}
