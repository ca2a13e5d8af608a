import { DISCORD_ERRORS, type DiscordErrorCode } from './error-codes.js';
import type { FormErrorTree } from './validation/form-errors.js';

/**
 * An error a route throws to answer like Discord: `{code, message, errors?}` with the status Discord
 * uses for that code. The router turns it into the HTTP response.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: number;
  readonly errors: FormErrorTree | undefined;

  constructor(code: DiscordErrorCode, errors?: FormErrorTree, status?: number) {
    const known = DISCORD_ERRORS[code];
    super(known.message);
    this.name = `ApiError[${code}]`;
    this.code = code;
    this.status = status ?? known.status;
    this.errors = errors;
  }

  /** The JSON body Discord would send. */
  toBody(): { code: number; message: string; errors?: FormErrorTree } {
    return this.errors ? { code: this.code, message: this.message, errors: this.errors } : { code: this.code, message: this.message };
  }

  /** 401 for a missing or wrong bot token, as Discord sends it (code 0). */
  static unauthorized(): ApiError {
    const error = new ApiError(0, undefined, 401);
    error.message = '401: Unauthorized';
    return error;
  }

  /** 404 for a path no route serves, as Discord answers it (code 0). */
  static notFound(): ApiError {
    return new ApiError(0);
  }

  /** 405 for a known path with an unsupported method. */
  static methodNotAllowed(): ApiError {
    const error = new ApiError(0, undefined, 405);
    error.message = '405: Method Not Allowed';
    return error;
  }
}
