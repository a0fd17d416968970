/** SPEC §5's seven processes and the audit service, with their default ports, gateways first. */
export const PROCESSES = [
  { name: 'mobile-gateway', defaultPort: 8080, gateway: true },
  { name: 'admin-gateway', defaultPort: 8081, gateway: true },
  { name: 'auth', defaultPort: 8090, gateway: false },
  { name: 'member', defaultPort: 8091, gateway: false },
  { name: 'request', defaultPort: 8092, gateway: false },
  { name: 'payment', defaultPort: 8093, gateway: false },
  { name: 'notification', defaultPort: 8094, gateway: false },
  { name: 'audit', defaultPort: 8095, gateway: false },
] as const;

export type ProcessName = (typeof PROCESSES)[number]['name'];

/** `member` → `MEMBER_PORT`, `mobile-gateway` → `MOBILE_GATEWAY_PORT`. */
export const portVariable = (name: ProcessName) => `${name.toUpperCase().replaceAll('-', '_')}_PORT`;
/** `member` → `MEMBER_URL`: where a gateway reaches a service when it is not on 127.0.0.1. */
export const urlVariable = (name: ProcessName) => `${name.toUpperCase().replaceAll('-', '_')}_URL`;

export function defaultPortOf(name: ProcessName): number {
  return PROCESSES.find((process) => process.name === name)!.defaultPort;
}

/**
 * Node flags a process is started with, wherever it is started: `./kasa run`, the benchmarks,
 * docker-compose.yml's commands (a test keeps those equal to these).
 *
 * The two processes that carry receipt photos get a young generation of 4 MiB semispaces
 * instead of V8's 16 MiB. Every upload allocates a few hundred KB of buffers outside the
 * JavaScript heap; only a collection frees them, and with a large young generation the
 * cheap (young) collections came so rarely that V8 met that memory's growth with full
 * mark-compacts, three or four a second, most of the request service's time under load.
 * With small semispaces the young collections free the buffers first: creations with two
 * photos went from 72–96/s to 100–130/s on 2 cores (`./kasa bench requests`).
 */
const NODE_FLAGS: Partial<Record<ProcessName, readonly string[]>> = {
  request: ['--max-semi-space-size=4'],
  'mobile-gateway': ['--max-semi-space-size=4'],
};

export const nodeFlagsOf = (name: ProcessName): readonly string[] => NODE_FLAGS[name] ?? [];
