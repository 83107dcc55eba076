// Compile once, remember the answer: checklist patterns (patterns.ts) and config globs (globs.ts) are compiled
// when a config is read and again wherever they are matched; a pattern that cannot be used keeps its error.

/** An error that says why a source cannot be used. */
export interface SourceError extends Error {
  readonly reason: string;
}

export interface CompileCache<T> {
  /** The compiled form; throws the source's error. */
  get(source: string): T;
  /** Why the source cannot be used, or null. */
  problem(source: string): string | null;
}

/**
 * A bounded cache (cleared when full) around `build`. Errors of `ErrorType` are kept as they are; any other
 * throw becomes one through `wrap`.
 */
export function compileCache<T, E extends SourceError>(
  limit: number,
  build: (source: string) => T,
  ErrorType: new (...args: never[]) => E,
  wrap: (source: string, message: string) => E,
): CompileCache<T> {
  const cache = new Map<string, T | E>();
  const get = (source: string): T => {
    let entry = cache.get(source);
    if (entry === undefined) {
      try {
        entry = build(source);
      } catch (error) {
        entry = error instanceof ErrorType ? error : wrap(source, String((error as Error)?.message ?? error));
      }
      if (cache.size >= limit) cache.clear();
      cache.set(source, entry);
    }
    if (entry instanceof ErrorType) throw entry;
    return entry as T;
  };
  return {
    get,
    problem(source) {
      try {
        get(source);
        return null;
      } catch (error) {
        return error instanceof ErrorType ? error.reason : String(error);
      }
    },
  };
}
