import type { ServiceDefinition } from '@kasa/runtime';

export const paymentService: ServiceDefinition = {
  name: 'payment',
  description: 'Payments: LiqPay contributions, payouts, the payment register, reconciliation.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
};
