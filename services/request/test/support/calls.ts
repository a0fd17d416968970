import type { RequestUnderTest } from './request-under-test.ts';

export type Method = 'GET' | 'POST' | 'PATCH';
export type Form = { payload: Buffer; headers: Record<string, string> };

/** Calls the service as the gateway would, with the given `Authorization` (none when empty). */
export function caller(service: () => RequestUnderTest) {
  return (method: Method, url: string, auth: string, body?: object | Form) => {
    const isForm = body !== undefined && Buffer.isBuffer((body as Form).payload);
    return service().service.app.inject({
      method,
      url,
      headers: { ...(auth ? { authorization: auth } : {}), ...(isForm ? (body as Form).headers : {}) },
      ...(body === undefined ? {} : { payload: isForm ? (body as Form).payload : (body as object) }),
    });
  };
}
