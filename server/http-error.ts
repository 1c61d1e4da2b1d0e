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
