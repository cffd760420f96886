/** Which requests a fault applies to: a route key as shown in stats (or '*'), and a bot. */
export interface FaultTarget {
  /** e.g. `POST /channels/:channelId/messages`; `*` or absent means every route. */
  route?: string;
  /** Only this bot's requests; absent means every bot. */
  botUserId?: string;
}

export interface HttpFault extends FaultTarget {
  id: number;
  kind: 'http';
  /** 429 or a 5xx status. */
  status: number;
  /** How many more matching requests get this answer. */
  remaining: number;
  /** For 429s: the Retry-After to announce. */
  retryAfterMs: number;
}

export interface LatencyFault extends FaultTarget {
  id: number;
  kind: 'latency';
  ms: number;
}

export type Fault = HttpFault | LatencyFault;

/**
 * Faults injected through the control API for the REST side. Gateway faults act on live
 * connections at once and need no bookkeeping here.
 */
export class FaultRegistry {
  private nextId = 1;
  private readonly faults: Fault[] = [];

  addHttp(target: FaultTarget, status: number, count: number, retryAfterMs = 1000): HttpFault {
    const fault: HttpFault = {
      id: this.nextId++,
      kind: 'http',
      ...target,
      status,
      remaining: count,
      retryAfterMs,
    };
    this.faults.push(fault);
    return fault;
  }

  addLatency(target: FaultTarget, ms: number): LatencyFault {
    const fault: LatencyFault = { id: this.nextId++, kind: 'latency', ...target, ms };
    this.faults.push(fault);
    return fault;
  }

  /** The first matching HTTP fault with uses left, used up by one. */
  takeHttp(route: string, botUserId: string | undefined): HttpFault | undefined {
    const fault = this.faults.find(
      (f): f is HttpFault => f.kind === 'http' && f.remaining > 0 && matches(f, route, botUserId),
    );
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining === 0) this.remove(fault.id);
    return fault;
  }

  /** Total added latency for a request (latency faults add up). */
  latencyFor(route: string, botUserId: string | undefined): number {
    let total = 0;
    for (const fault of this.faults) {
      if (fault.kind === 'latency' && matches(fault, route, botUserId)) total += fault.ms;
    }
    return total;
  }

  get empty(): boolean {
    return this.faults.length === 0;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  remove(id: number): boolean {
    const index = this.faults.findIndex((f) => f.id === id);
    if (index < 0) return false;
    this.faults.splice(index, 1);
    return true;
  }

  clear(): number {
    const count = this.faults.length;
    this.faults.length = 0;
    return count;
  }
}

function matches(fault: FaultTarget, route: string, botUserId: string | undefined): boolean {
  if (fault.botUserId !== undefined && fault.botUserId !== botUserId) return false;
  return fault.route === undefined || fault.route === '*' || fault.route === route;
}
