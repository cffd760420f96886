import { Module } from '@nestjs/common';

/** Real-time topics over socket.io at `/realtime`, fed by the event bus. */
@Module({})
export class RealtimeModule {}
