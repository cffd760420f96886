import { MoveBotRuntimeState1732500007000 } from './migrations/1732500007000-MoveBotRuntimeState';
import { AddBotShards1732500015100 } from './migrations/1732500015100-AddBotShards';

export * from './plugins/bot-plugin';
export { BotPluginModule } from './plugins/bot-plugin.module';
export { botRuntimeConfig, type BotRuntimeConfig } from './bot-runtime.config';
export { BOT_RUNTIME_ERRORS, BotStatusTimeoutError } from './bot-runtime.errors';
export { BotRuntimeModule } from './bot-runtime.module';
export { BotLifecycleModule } from './lifecycle/bot-lifecycle.module';
export { BotLifecycleService } from './lifecycle/bot-lifecycle.service';
export type { BotLifecycleState } from './lifecycle/bot-lifecycle-state';
export type { LifecycleAction } from './lifecycle/bot-lifecycle.service';
export type { DesiredChange } from './state/bot-runtime-states.service';
export { BotLeaseService, leaseKey } from './leases/bot-lease.service';
export { unitKey } from './shards/run-unit';
export { identifyKey } from './shards/redis-identify-throttler';
export { WorkerIdentity } from './fleet/worker-identity';
export { FleetStats, type FleetSample, type RunningBotSample } from './fleet/fleet-stats';
export { routeTemplate, type DiscordTotals } from './fleet/discord-metrics';
export { BotStatusCounts } from './state/bot-status-counts';
// Re-exported so callers of the lifecycle API need only this lib for its errors.
export { BotNotFoundError } from '@botdeck/bot-config';

/** Schema migrations owned by this lib, in order. */
export const botRuntimeMigrations = [MoveBotRuntimeState1732500007000, AddBotShards1732500015100];
