export * from './plugins/bot-plugin';
