export * from './realtime.module';
export * from './realtime.config';
export * from './realtime.errors';
export * from './realtime.protocol';
export { RealtimeIoAdapter } from './gateway/realtime-io.adapter';
export { TOPICS, type TopicName, type TopicDefinition, parseTopic } from './topics/topic-registry';
