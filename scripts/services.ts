import { nodeFlagsOf, PROCESSES, type ProcessName, portVariable } from '@kasa/config';

/** The Kasa processes as the supervisor sees them (SPEC §5 and the audit service), gateways first. */
export type ServiceDefinition = {
  readonly name: ProcessName;
  /** Environment variable holding the service's HTTP port. */
  readonly portVariable: string;
  readonly defaultPort: number;
  /** Gateways are the public entry points; the others are internal services. */
  readonly gateway: boolean;
  /** Given to Node before the entry point (see nodeFlagsOf). */
  readonly nodeFlags: readonly string[];
};

export const SERVICES: readonly ServiceDefinition[] = PROCESSES.map((process) => ({
  ...process,
  portVariable: portVariable(process.name),
  nodeFlags: nodeFlagsOf(process.name),
}));

/** The port a service listens on: its `<SERVICE>_PORT` variable, else the default. */
export function servicePort(service: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[service.portVariable];
  if (raw === undefined || raw.trim() === '') return service.defaultPort;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${service.portVariable} must be a TCP port between 1 and 65535, got "${raw}"`);
  }
  return port;
}

/** The entry point of a service, relative to the repository root. */
export function serviceEntry(service: ServiceDefinition): string {
  return `services/${service.name}/src/main.ts`;
}
