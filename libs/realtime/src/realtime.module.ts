import { AuthModule } from '@botdeck/auth';
import { BotConfigModule } from '@botdeck/bot-config';
import { BulkOperationsModule } from '@botdeck/bulk-operations';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EventForwarder } from './gateway/event-forwarder';
import { RealtimeGateway } from './gateway/realtime.gateway';
import { SocketSessions } from './gateway/socket-sessions';
import { SocketWatch } from './gateway/socket-watch';
import { TopicSubscriptions } from './gateway/topic-subscriptions';
import { realtimeConfig } from './realtime.config';
import { RealtimeMetrics } from './realtime.metrics';
import { SnapshotSources } from './topics/snapshot-sources';

/**
 * Real-time topics over socket.io at `/realtime`, fed by the event bus. The API sets
 * `RealtimeIoAdapter` so the gateway shares its HTTP server and instances share Redis.
 */
@Module({
  imports: [
    ConfigModule.forFeature(realtimeConfig),
    AuthModule,
    BotConfigModule,
    BulkOperationsModule,
  ],
  providers: [
    RealtimeMetrics,
    SnapshotSources,
    SocketSessions,
    TopicSubscriptions,
    RealtimeGateway,
    EventForwarder,
    SocketWatch,
  ],
})
export class RealtimeModule {}
