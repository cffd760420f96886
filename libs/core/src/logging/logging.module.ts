import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { appConfig, AppConfig } from '../config/app.config';

/** Paths whose values never reach a log line. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.secret',
  '*.*.password',
  '*.*.token',
];

/** Requests too frequent and too dull to log: the health check (compose polls it every 10 s). */
export const UNLOGGED_PATHS = ['/api/v1/monitoring/health'];

/** The path of a request as the client sent it, whatever a middleware did to `url` since. */
export function requestPath(req: { url?: string; originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0].replace(/\/+$/, '') || '/';
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfig) => ({
        // Every path, in path-to-regexp 8's syntax: the default ('*') makes Nest warn twice
        // at start-up that it is unsupported under the global prefix.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.logLevel,
          genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
          customProps: (req) => ({ requestId: (req as { id?: string }).id }),
          redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
          autoLogging: { ignore: (req) => UNLOGGED_PATHS.includes(requestPath(req)) },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
            }),
          },
          transport:
            config.nodeEnv === 'development'
              ? { target: 'pino-pretty', options: { singleLine: true, colorize: true } }
              : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
