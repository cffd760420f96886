/**
 * Sets environment variables and returns a function that puts the previous values back
 * (config is read when modules load, so a test sets it before creating an app).
 */
export function setEnv(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** Sets environment variables for the duration of `work`. */
export async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const restore = setEnv(env);
  try {
    return await work();
  } finally {
    restore();
  }
}
