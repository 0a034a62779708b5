export interface DescribedError {
  message: string;
  type: string;
}

/** Message and type of anything thrown, for logs and dead-letter headers. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof Error) return { message: error.message, type: error.name };
  return { message: String(error), type: typeof error };
}
