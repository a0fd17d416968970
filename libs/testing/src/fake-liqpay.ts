import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Params = Record<string, unknown>;

/** A payment as the fake keeps it: what the checkout asked for and what became of it. */
export interface FakeLiqPayPayment {
  orderId: string;
  paymentId: number;
  action: string;
  amount: number;
  currency: string;
  status: string;
  description: string;
  serverUrl: string | undefined;
  /** Amount refunded so far, in the checkout's decimal units. */
  refunded: number;
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
   * callback's answer status.
   */
  pay(checkout: { data: string; signature: string }, status?: string): Promise<number>;
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
 * JSON: `status`, `refund`, `unsubscribe`), checkouts paid on the member's behalf with `pay`,
 * and callbacks signed with the merchant's private key as LiqPay signs them. Written apart
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

  const paymentView = (payment: FakeLiqPayPayment): Params => ({
    result: 'ok',
    action: payment.action,
    payment_id: payment.paymentId,
    status: payment.status,
    version: 3,
    public_key: publicKey,
    order_id: payment.orderId,
    liqpay_order_id: `LP${payment.paymentId}`,
    amount: payment.amount,
    currency: payment.currency,
    description: payment.description,
    ...(payment.status === 'sandbox' || payment.status === 'success' ? { paytype: 'card' } : {}),
  });

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
        if (!payment || !['success', 'sandbox'].includes(payment.status)) {
          return {
            result: 'error',
            status: 'error',
            err_code: 'payment_not_found',
            err_description: 'Payment not found',
          };
        }
        const amount = Number(params.amount ?? payment.amount);
        if (!(amount > 0) || payment.refunded + amount > payment.amount + 1e-9) {
          return {
            result: 'error',
            status: 'error',
            err_code: 'wrong_amount',
            err_description: 'Wrong amount',
          };
        }
        payment.refunded += amount;
        if (payment.refunded >= payment.amount - 1e-9) payment.status = 'reversed';
        return {
          result: 'ok',
          status: 'reversed',
          payment_id: payment.paymentId,
          order_id: payment.orderId,
          amount,
        };
      }
      case 'unsubscribe':
        if (payment?.action !== 'subscribe') {
          return {
            result: 'error',
            status: 'error',
            err_code: 'payment_not_found',
            err_description: 'Payment not found',
          };
        }
        payment.status = 'unsubscribed';
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
    };
    payments.set(payment.orderId, payment);
    return payment;
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
    async pay(checkout, status = 'success') {
      const payment = keep(checkout, status);
      if (!payment.serverUrl) throw new Error('The checkout names no server_url to call back');
      const { result: _result, ...callback } = paymentView(payment);
      return sendCallback(payment.serverUrl, callback);
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
