import { signInteraction } from '../domain/signing-keys';
import type { SandboxApplication } from '../domain/entities';

/** What an interactions endpoint answered to one signed POST. */
export interface EndpointAnswer {
  status: number;
  /** The parsed JSON body, or undefined when there was none or it was not JSON. */
  body: unknown;
}

const USER_AGENT = 'Discord-Interactions/1.0 (+https://discord.com)';

/**
 * Discord's side of an application's Interactions Endpoint URL: every interaction is POSTed
 * there signed with the application's Ed25519 key (`X-Signature-Ed25519` over
 * `X-Signature-Timestamp` + body), and the response body is the interaction's first answer.
 */
export class InteractionEndpointClient {
  constructor(private readonly timeoutMs: number) {}

  async post(
    app: SandboxApplication,
    url: string,
    payload: unknown,
    options: { forgeSignature?: boolean } = {},
  ): Promise<EndpointAnswer> {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    let signature = signInteraction(app.signingKey, timestamp, body);
    // Discord's security checks send a wrong signature and expect it refused.
    if (options.forgeSignature) signature = flipFirstByte(signature);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'x-signature-ed25519': signature,
        'x-signature-timestamp': timestamp,
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed };
  }

  /**
   * What Discord does before it saves an endpoint URL: a signed PING must get a PONG, and a PING
   * with a bad signature must be refused with 401. Resolves with why not, or null when it passed.
   */
  async verify(app: SandboxApplication, url: string): Promise<string | null> {
    const ping = { id: '0', application_id: app.id, type: 1, token: 'ping', version: 1 };
    try {
      const signed = await this.post(app, url, ping);
      const pong = signed.body as { type?: unknown } | undefined;
      if (signed.status !== 200 || pong?.type !== 1) {
        return `a signed PING got ${signed.status} instead of 200 {"type":1}`;
      }
      const forged = await this.post(app, url, ping, { forgeSignature: true });
      if (forged.status !== 401) {
        return `a PING with a bad signature got ${forged.status} instead of 401`;
      }
      return null;
    } catch (error) {
      return `the endpoint could not be reached (${(error as Error).message})`;
    }
  }
}

function flipFirstByte(hex: string): string {
  const first = (parseInt(hex.slice(0, 2), 16) ^ 0xff).toString(16).padStart(2, '0');
  return first + hex.slice(2);
}
