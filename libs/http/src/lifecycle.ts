const shuttingDown = new WeakSet<object>();

/** From now on readiness answers 503, so load balancers stop sending new work. */
export function markShuttingDown(app: object): void {
  shuttingDown.add(app);
}

/**
 * Fastify builds each plugin context with `Object.create(parent)`, so a context is shutting
 * down when it or any context it was built from has been marked.
 */
export function isShuttingDown(app: object): boolean {
  for (let context: object | null = app; context; context = Object.getPrototypeOf(context)) {
    if (shuttingDown.has(context)) return true;
  }
  return false;
}
