export * from './plugins/bot-plugin';
export { botRuntimeConfig, type BotRuntimeConfig } from './bot-runtime.config';
export { BotStatusTimeoutError } from './bot-runtime.errors';
export { BotLifecycleModule } from './lifecycle/bot-lifecycle.module';
export { BotLifecycleService } from './lifecycle/bot-lifecycle.service';
export type { BotLifecycleState } from './lifecycle/bot-lifecycle-state';
// Re-exported so callers of the lifecycle API need only this lib for its errors.
export { BotNotFoundError } from '@botdeck/bot-config';
