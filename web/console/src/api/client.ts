import createClient, { type Middleware } from 'openapi-fetch';
import { type SessionStore, sessions } from '../session/session.ts';
import type { paths } from './admin-api';

/** Calls that answer 401 for a wrong password, not for a spent token: never refreshed. */
const NO_REFRESH = new Set(['/signin', '/token/refresh']);

/**
 * The admin gateway's API, typed from its OpenAPI (`admin-api.d.ts`), on the origin that served
 * the console. Every call carries the session's access token; one answered 401 renews the
 * session once with its refresh token (one renewal at a time, shared by the calls that wait)
 * and is sent again. When the session cannot be renewed it ends as expired, and the console
 * returns to the sign-in page and, after it, to where the user was.
 */
export function createApi(store: SessionStore, baseUrl = globalThis.location?.origin ?? '') {
  const api = createClient<paths>({ baseUrl });
  const copies = new Map<string, Request>();
  let renewal: Promise<boolean> | null = null;

  async function renew(): Promise<boolean> {
    const session = store.current;
    if (!session) return false;
    const { data } = await api.POST('/token/refresh', { body: { refresh_token: session.refreshToken } });
    if (!data) {
      store.end('expired');
      return false;
    }
    store.renew({ accessToken: data.access_token, refreshToken: data.refresh_token });
    return true;
  }

  const authorization: Middleware = {
    onRequest({ request, id, schemaPath }) {
      const token = store.current?.accessToken;
      if (token && !NO_REFRESH.has(schemaPath)) request.headers.set('authorization', `Bearer ${token}`);
      if (!NO_REFRESH.has(schemaPath)) copies.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id }) {
      const copy = copies.get(id);
      copies.delete(id);
      if (response.status !== 401 || !copy || !store.current) return response;
      renewal ??= renew().finally(() => {
        renewal = null;
      });
      if (!(await renewal)) return response;
      copy.headers.set('authorization', `Bearer ${store.current.accessToken}`);
      return fetch(copy);
    },
    onError({ id }) {
      copies.delete(id);
    },
  };
  api.use(authorization);
  return api;
}

export const api = createApi(sessions);
export type Api = ReturnType<typeof createApi>;
