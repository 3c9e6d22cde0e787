/**
 * The one error the engine throws for bad input: artifacts that are not what
 * dbt writes, or options the engine cannot honour. Callers map it to a 400 /
 * usage error; its message is written for the person who supplied the input.
 */
export class ErdInputError extends Error {
  readonly name = 'ErdInputError';

  constructor(message: string) {
    super(message);
    // Keep instanceof working when compiled down to ES5 by a consumer.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
