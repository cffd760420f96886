import { AccessRecheck, accessPairKey } from '@botdeck/auth';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { realtimeConfig, type RealtimeConfig } from '../realtime.config';
import { REALTIME_ERRORS } from '../realtime.errors';
import { RealtimeGateway } from './realtime.gateway';
import { bufferedBytes, type RealtimeSocket } from './socket-session';
import { SocketSessions } from './socket-sessions';
import { TopicSubscriptions } from './topic-subscriptions';

const CLOSING_MESSAGES: Record<string, string> = {
  USER_DISABLED: 'This account was disabled',
  USER_NOT_FOUND: 'This account no longer exists',
  SESSION_REVOKED: 'This session was signed out',
};

/**
 * Periodic checks over this instance's sockets: every REALTIME_ACCESS_RECHECK_MS one query
 * re-reads all their users and logins (disabled, signed out, role changed), and every
 * REALTIME_BUFFER_CHECK_MS each socket's unsent output is measured against its bound.
 */
@Injectable()
export class SocketWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SocketWatch.name);
  private timers: NodeJS.Timeout[] = [];
  private rechecking: Promise<void> | null = null;

  constructor(
    private readonly gateway: RealtimeGateway,
    private readonly access: AccessRecheck,
    private readonly sessions: SocketSessions,
    private readonly subscriptions: TopicSubscriptions,
    @Inject(realtimeConfig.KEY) private readonly config: RealtimeConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timers = [
      setInterval(() => this.recheckAccess(), this.config.accessRecheckMs),
      setInterval(() => this.checkBuffers(), this.config.bufferCheckMs),
    ];
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.rechecking;
  }

  private sockets(): RealtimeSocket[] {
    return [...(this.gateway.server?.sockets.sockets.values() ?? [])];
  }

  /** One check at a time: a slow database skips beats rather than piling queries up. */
  private recheckAccess(): void {
    if (this.rechecking) return;
    this.rechecking = this.recheck()
      .catch((error: unknown) =>
        // PostgreSQL away: everyone keeps their connection until it can say otherwise.
        this.logger.warn({ err: error }, 'Could not recheck realtime sessions'),
      )
      .finally(() => (this.rechecking = null));
  }

  private async recheck(): Promise<void> {
    const sockets = this.sockets().filter((socket) => socket.connected && socket.data.userId);
    if (sockets.length === 0) return;
    const verdicts = await this.access.check(
      sockets.map(({ data }) => ({ userId: data.userId, loginId: data.loginId })),
    );
    for (const socket of sockets) {
      const verdict = verdicts.get(accessPairKey(socket.data));
      if (!verdict) continue;
      if (!verdict.allowed) {
        this.sessions.close(socket, verdict.code, CLOSING_MESSAGES[verdict.code] ?? verdict.code);
      } else if (verdict.role !== socket.data.role) {
        this.subscriptions.applyRole(socket, verdict.role);
      }
    }
  }

  private checkBuffers(): void {
    for (const socket of this.sockets()) {
      if (bufferedBytes(socket) > this.config.maxBufferedBytes) {
        this.logger.warn(
          { userId: socket.data.userId },
          'Dropping a realtime client that stopped reading',
        );
        this.sessions.drop(socket, REALTIME_ERRORS.REALTIME_SLOW_CONSUMER);
      }
    }
  }
}
