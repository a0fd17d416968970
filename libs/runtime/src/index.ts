export {
  type GatewayContext,
  type GatewayDefinition,
  type GatewayName,
  type RunningGateway,
  runGateway,
  serviceUrl,
  startGateway,
} from './gateway.ts';
export {
  exitOnStartFailure,
  type RunningService,
  runService,
  type ServiceContext,
  type ServiceDefinition,
  startService,
} from './service.ts';
export { GATEWAY_PORTS, portVariable, SERVICE_PORTS } from './service-config.ts';
