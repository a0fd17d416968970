import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Params = Record<string, unknown>;

/** One charge LiqPay took: a checkout's payment, or a subscription's monthly (`regular`) one. */
export interface FakeLiqPayCharge {
  paymentId: number;
  amount: number;
  status: string;
  /** Amount refunded so far, in the checkout's decimal units. */
  refunded: number;
}

/** A payment as the fake keeps it: what the checkout asked for and what became of it. */
export interface FakeLiqPayPayment extends FakeLiqPayCharge {
  orderId: string;
  action: string;
  currency: string;
  description: string;
  serverUrl: string | undefined;
  /**
   * A `subscribe` checkout's terms, whether it still charges, and the monthly charges taken
   * since (the first charge is the payment itself).
   */
  subscription?: {
    dateStart: string;
    periodicity: string;
    status: 'subscribed' | 'unsubscribed';
    charges: FakeLiqPayCharge[];
  };
}

export interface FakeLiqPayRequest {
  action: string;
  /** The parameters as decoded, or null when the signature or the data was refused. */
  params: Params | null;
  status: number;
}

export interface FakeLiqPay {
  /** LIQPAY_API_URL for the client: `http://127.0.0.1:<port>/api/`. */
  apiUrl: string;
  publicKey: string;
  privateKey: string;
  /** Every API request that reached the fake. */
  readonly requests: FakeLiqPayRequest[];
  /** Payments by order id. */
  readonly payments: ReadonlyMap<string, FakeLiqPayPayment>;
  /**
   * The member paid the checkout `data`/`signature` (checked as LiqPay checks it): the payment
   * is kept with `status` and its callback is POSTed to the checkout's `server_url`. The
   * callback's answer status. A `subscribe` checkout is kept as a subscription whose first
   * charge this is; its callback says action `subscribe`, status `subscribed` unless told.
   */
  pay(checkout: { data: string; signature: string }, status?: string): Promise<number>;
  /**
   * A subscription's monthly charge: LiqPay charges the card by itself and calls back with
   * action `regular`, a new payment_id and the subscription's order_id (`status` `success`
   * unless told; `amount` the subscription's unless told). The callback's answer status, and
   * the callback's parameters (to send again as a repeated callback).
   */
  charge(
    orderId: string,
    options?: { status?: string; amount?: number },
  ): Promise<{ answer: number; paymentId: number; callback: Params }>;
  /** The subscription ended on LiqPay's side (the payer unsubscribed there): its `unsubscribed` callback. */
  endSubscription(orderId: string): Promise<number>;
  /** The member paid, but LiqPay's callback never arrived: only the status API knows. */
  payQuietly(checkout: { data: string; signature: string }, status?: string): void;
  /** A callback as LiqPay signs it, for any parameters: the form body and its content type. */
  callbackBody(params: Params): string;
  /** POSTs a signed callback with these parameters to `url`; the answer status. */
  sendCallback(url: string, params: Params): Promise<number>;
  /** The next `count` API requests answer this HTTP status (LiqPay down). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

const sign = (data: string, privateKey: string) =>
  createHash('sha1')
    .update(privateKey + data + privateKey)
    .digest('base64');
const encode = (params: Params) => Buffer.from(JSON.stringify(params)).toString('base64');

/**
 * A local stand-in for LiqPay (API version 3) that speaks its wire format: the server API at
 * `POST /api/request` (a form with base64 JSON `data` and its sha1 `signature`, answered with
 * JSON: `status`, `refund`, `unsubscribe`), checkouts paid on the member's behalf with `pay`
 * (`subscribe` ones kept as subscriptions, charged monthly with `charge`), and callbacks signed
 * with the merchant's private key as LiqPay signs them. Written apart
 * from the payment service's own LiqPay code, so that a mistake in one shows against the other.
 */
export async function startFakeLiqPay(
  options: { publicKey?: string; privateKey?: string } = {},
): Promise<FakeLiqPay> {
  const publicKey = options.publicKey ?? `sandbox_i${randomBytes(5).toString('hex')}`;
  const privateKey = options.privateKey ?? `sandbox_${randomBytes(20).toString('base64url')}`;
  const requests: FakeLiqPayRequest[] = [];
  const payments = new Map<string, FakeLiqPayPayment>();
  const failures: number[] = [];
  let nextPaymentId = 1_000_000 + Math.floor(Math.random() * 1_000_000);

  /** Checks a signed form as LiqPay does; the parameters, or the error it answers. */
  const opened = (form: URLSearchParams): Params | { err_code: string; err_description: string } => {
    const data = form.get('data') ?? '';
    const signature = form.get('signature') ?? '';
    if (signature !== sign(data, privateKey)) {
      return { err_code: 'invalid_signature', err_description: 'Invalid signature' };
    }
    let params: unknown;
    try {
      params = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
    } catch {
      return { err_code: 'invalid_data', err_description: 'Invalid data' };
    }
    if (typeof params !== 'object' || params === null) {
      return { err_code: 'invalid_data', err_description: 'Invalid data' };
    }
    const checked = params as Params;
    if (checked.public_key !== publicKey)
      return { err_code: 'public_key_not_found', err_description: 'Unknown public_key' };
    if (String(checked.version) !== '3')
      return { err_code: 'version', err_description: 'Unsupported version' };
    return checked;
  };

  const paymentView = (
    payment: FakeLiqPayPayment,
    charge: FakeLiqPayCharge = payment,
    action = payment.action,
  ): Params => ({
    result: 'ok',
    action,
    payment_id: charge.paymentId,
    status: charge.status,
    version: 3,
    public_key: publicKey,
    order_id: payment.orderId,
    liqpay_order_id: `LP${charge.paymentId}`,
    amount: charge.amount,
    currency: payment.currency,
    description: payment.description,
    ...(['sandbox', 'success', 'subscribed'].includes(charge.status) ? { paytype: 'card' } : {}),
  });

  /** The charge a refund names: by payment_id among the order's charges, else the order's own payment. */
  const chargeOf = (payment: FakeLiqPayPayment, paymentId: unknown): FakeLiqPayCharge | undefined => {
    if (paymentId === undefined) return payment;
    const charges = [payment, ...(payment.subscription?.charges ?? [])];
    return charges.find((charge) => charge.paymentId === Number(paymentId));
  };

  const act = (params: Params): Params => {
    const payment = payments.get(String(params.order_id ?? ''));
    switch (params.action) {
      case 'status':
        return payment
          ? paymentView(payment)
          : {
              result: 'error',
              status: 'error',
              err_code: 'payment_not_found',
              err_description: 'Payment not found',
            };
      case 'refund': {
        const charge = payment ? chargeOf(payment, params.payment_id) : undefined;
        if (!payment || !charge || !['success', 'sandbox', 'subscribed'].includes(charge.status)) {
          return {
            result: 'error',
            status: 'error',
            err_code: 'payment_not_found',
            err_description: 'Payment not found',
          };
        }
        const amount = Number(params.amount ?? charge.amount);
        if (!(amount > 0) || charge.refunded + amount > charge.amount + 1e-9) {
          return {
            result: 'error',
            status: 'error',
            err_code: 'wrong_amount',
            err_description: 'Wrong amount',
          };
        }
        charge.refunded += amount;
        if (charge.refunded >= charge.amount - 1e-9) charge.status = 'reversed';
        return {
          result: 'ok',
          status: 'reversed',
          payment_id: charge.paymentId,
          order_id: payment.orderId,
          amount,
        };
      }
      case 'unsubscribe':
        if (!payment?.subscription) {
          return {
            result: 'error',
            status: 'error',
            err_code: 'payment_not_found',
            err_description: 'Payment not found',
          };
        }
        // Ending an ended subscription is no error: it stays unsubscribed.
        payment.subscription.status = 'unsubscribed';
        return {
          result: 'ok',
          status: 'unsubscribed',
          payment_id: payment.paymentId,
          order_id: payment.orderId,
        };
      default:
        return {
          result: 'error',
          status: 'error',
          err_code: 'invalid_action',
          err_description: 'Unknown action',
        };
    }
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: Params, params: Params | null) => {
        requests.push({ action: String(params?.action ?? ''), params, status });
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(body));
      };
      if (request.method !== 'POST' || request.url !== '/api/request') {
        answer(404, { result: 'error', err_code: 'not_found' }, null);
        return;
      }
      const failure = failures.shift();
      if (failure !== undefined) {
        answer(failure, { result: 'error', err_code: 'unavailable' }, null);
        return;
      }
      const params = opened(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      if ('err_code' in params && !('action' in params)) {
        answer(200, { result: 'error', status: 'error', ...params }, null);
        return;
      }
      answer(200, act(params), params);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  /** A checkout paid: checked as LiqPay checks it, and kept with its status. */
  const keep = (checkout: { data: string; signature: string }, status: string): FakeLiqPayPayment => {
    const params = opened(new URLSearchParams(checkout));
    if ('err_code' in params && !('action' in params)) {
      throw new Error(`LiqPay would refuse this checkout: ${String(params.err_code)}`);
    }
    const payment: FakeLiqPayPayment = {
      orderId: String(params.order_id),
      paymentId: nextPaymentId++,
      action: String(params.action),
      amount: Number(params.amount),
      currency: String(params.currency),
      status,
      description: String(params.description ?? ''),
      serverUrl: typeof params.server_url === 'string' ? params.server_url : undefined,
      refunded: 0,
      ...(params.action === 'subscribe' ? { subscription: subscriptionTermsOf(params) } : {}),
    };
    payments.set(payment.orderId, payment);
    return payment;
  };

  /** A `subscribe` checkout's terms, refused as LiqPay refuses a checkout without them. */
  const subscriptionTermsOf = (params: Params) => {
    const dateStart = String(params.subscribe_date_start ?? '');
    const periodicity = String(params.subscribe_periodicity ?? '');
    if (String(params.subscribe) !== '1')
      throw new Error('LiqPay would refuse this checkout: subscribe is not 1');
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(dateStart)) {
      throw new Error(`LiqPay would refuse this checkout: subscribe_date_start '${dateStart}'`);
    }
    if (!['day', 'week', 'month', 'year'].includes(periodicity)) {
      throw new Error(`LiqPay would refuse this checkout: subscribe_periodicity '${periodicity}'`);
    }
    return { dateStart, periodicity, status: 'subscribed' as const, charges: [] as FakeLiqPayCharge[] };
  };

  /** A subscription the fake keeps, or an error a test made by asking for another. */
  const subscriptionOf = (orderId: string) => {
    const payment = payments.get(orderId);
    if (!payment?.subscription) throw new Error(`No subscription for order ${orderId}`);
    if (!payment.serverUrl) throw new Error('The checkout names no server_url to call back');
    return { payment, subscription: payment.subscription, serverUrl: payment.serverUrl };
  };

  const paramsOfCheckout = ({ data }: { data: string }): Params | null => {
    try {
      return JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as Params;
    } catch {
      return null;
    }
  };

  const callbackBody = (params: Params) => {
    const data = encode(params);
    return new URLSearchParams({ data, signature: sign(data, privateKey) }).toString();
  };
  const sendCallback = async (url: string, params: Params) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: callbackBody(params),
    });
    await response.arrayBuffer();
    return response.status;
  };

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    publicKey,
    privateKey,
    requests,
    payments,
    async pay(checkout, status) {
      const action = paramsOfCheckout(checkout)?.action;
      const payment = keep(checkout, status ?? (action === 'subscribe' ? 'subscribed' : 'success'));
      if (!payment.serverUrl) throw new Error('The checkout names no server_url to call back');
      const { result: _result, ...callback } = paymentView(payment);
      return sendCallback(payment.serverUrl, callback);
    },
    async charge(orderId, { status = 'success', amount } = {}) {
      const { payment, subscription, serverUrl } = subscriptionOf(orderId);
      if (subscription.status === 'unsubscribed')
        throw new Error(`Subscription ${orderId} has ended: no more charges`);
      const charge = { paymentId: nextPaymentId++, amount: amount ?? payment.amount, status, refunded: 0 };
      subscription.charges.push(charge);
      const { result: _result, ...callback } = paymentView(payment, charge, 'regular');
      return { answer: await sendCallback(serverUrl, callback), paymentId: charge.paymentId, callback };
    },
    async endSubscription(orderId) {
      const { payment, subscription, serverUrl } = subscriptionOf(orderId);
      subscription.status = 'unsubscribed';
      const { result: _result, ...callback } = paymentView(payment);
      return sendCallback(serverUrl, { ...callback, status: 'unsubscribed' });
    },
    payQuietly(checkout, status = 'success') {
      keep(checkout, status);
    },
    callbackBody,
    sendCallback,
    failNext(count, status = 502) {
      for (let index = 0; index < count; index += 1) failures.push(status);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
