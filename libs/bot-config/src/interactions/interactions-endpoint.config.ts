import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const interactionsEndpointConfig = registerAs('interactionsEndpoint', () => {
  const env = new EnvReader();
  const publicUrl = env.optionalString('INTERACTIONS_PUBLIC_URL');
  return {
    /**
     * The API's public base URL as Discord reaches it; a bot in HTTP mode is registered with
     * `${publicUrl}/interactions/${botId}` as its Interactions Endpoint URL. Unset: no bot can
     * be switched to HTTP mode.
     */
    publicUrl: publicUrl
      ? env.url('INTERACTIONS_PUBLIC_URL', { protocols: ['http', 'https'] }).replace(/\/+$/, '')
      : null,
  };
});

export type InteractionsEndpointConfig = ReturnType<typeof interactionsEndpointConfig>;
