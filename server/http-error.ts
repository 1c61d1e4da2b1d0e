/** An error the server answers with its status and a JSON body { error, messages? }; nothing else is said. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** A whole number the database's `integer` columns hold (versions and ids): larger ones are no version or id kept. */
export const isDbInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2_147_483_647;
