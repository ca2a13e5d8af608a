/**
 * Briefings uploaded with /publish and previewed, waiting for Confirm. Kept in memory for as
 * long as the preview's interaction lives (15 minutes): an upload is stored only on Confirm.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import type { ParsedFile } from '../import/import-briefing-files.js';

const LIFETIME_MS = 15 * 60_000;

export interface PendingUpload {
  parsed: Extract<ParsedFile, { ok: true }>;
  userId: string;
  expiresAt: number;
}

export class PendingUploads {
  readonly #clock: Clock;
  readonly #uploads = new Map<string, PendingUpload>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Keeps an upload; returns the token its Confirm and Cancel buttons carry. */
  add(parsed: PendingUpload['parsed'], userId: string): string {
    this.#sweep();
    const token = randomBytes(12).toString('base64url');
    this.#uploads.set(token, { parsed, userId, expiresAt: this.#clock.now().getTime() + LIFETIME_MS });
    return token;
  }

  /** Takes an upload out (it can be confirmed or cancelled once). */
  take(token: string): PendingUpload | undefined {
    this.#sweep();
    const upload = this.#uploads.get(token);
    this.#uploads.delete(token);
    return upload;
  }

  peek(token: string): PendingUpload | undefined {
    this.#sweep();
    return this.#uploads.get(token);
  }

  #sweep(): void {
    const now = this.#clock.now().getTime();
    for (const [token, upload] of this.#uploads) if (upload.expiresAt < now) this.#uploads.delete(token);
  }
}
