import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TokenKey } from '../bot-config.config';

/** A bot token at rest: AES-256-GCM, with the id of the key that sealed it. */
export interface SealedToken {
  keyId: string;
  /** iv (12 bytes) ‖ auth tag (16 bytes) ‖ ciphertext */
  sealed: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class TokenDecryptionError extends Error {
  constructor(reason: string) {
    super(`Bot token cannot be decrypted: ${reason}`);
  }
}

/**
 * Seals bot tokens under the newest key and opens them under whichever key sealed them. The
 * bot id is bound in as associated data, so a ciphertext copied onto another bot's row does
 * not decrypt.
 */
export class TokenCipher {
  private readonly keys: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: TokenKey[]) {
    const current = keys[keys.length - 1];
    if (!current) throw new Error('TokenCipher needs at least one key');
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
    this.currentKeyId = current.id;
  }

  seal(token: string, botId: string): SealedToken {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.currentKeyId), iv);
    cipher.setAAD(Buffer.from(botId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return {
      keyId: this.currentKeyId,
      sealed: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]),
    };
  }

  open(token: SealedToken, botId: string): string {
    const iv = token.sealed.subarray(0, IV_BYTES);
    const tag = token.sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const ciphertext = token.sealed.subarray(IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key(token.keyId), iv);
    decipher.setAAD(Buffer.from(botId, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenDecryptionError('authentication failed');
    }
  }

  isCurrent(token: SealedToken): boolean {
    return token.keyId === this.currentKeyId;
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new TokenDecryptionError(`unknown key id "${id}"`);
    return key;
  }
}
