/** SPEC §5's seven processes and their default ports, gateways first. */
export const PROCESSES = [
  { name: 'mobile-gateway', defaultPort: 8080, gateway: true },
  { name: 'admin-gateway', defaultPort: 8081, gateway: true },
  { name: 'auth', defaultPort: 8090, gateway: false },
  { name: 'member', defaultPort: 8091, gateway: false },
  { name: 'request', defaultPort: 8092, gateway: false },
  { name: 'payment', defaultPort: 8093, gateway: false },
  { name: 'notification', defaultPort: 8094, gateway: false },
] as const;

export type ProcessName = (typeof PROCESSES)[number]['name'];

/** `member` → `MEMBER_PORT`, `mobile-gateway` → `MOBILE_GATEWAY_PORT`. */
export const portVariable = (name: ProcessName) => `${name.toUpperCase().replaceAll('-', '_')}_PORT`;
/** `member` → `MEMBER_URL`: where a gateway reaches a service when it is not on 127.0.0.1. */
export const urlVariable = (name: ProcessName) => `${name.toUpperCase().replaceAll('-', '_')}_URL`;

export function defaultPortOf(name: ProcessName): number {
  return PROCESSES.find((process) => process.name === name)!.defaultPort;
}
