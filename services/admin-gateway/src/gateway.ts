import type { GatewayDefinition } from '@kasa/runtime';

export const adminGateway: GatewayDefinition = {
  name: 'admin-gateway',
  description: "The staff API, used by the fund's admin web site.",
  audience: 'staff',
};
