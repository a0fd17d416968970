/**
 * The seed's 42 routes (SPEC §6 and §7; admin row 4 has two paths): what the existing clients
 * call. Each must keep its path, method and success status, and declare its answers (success and
 * errors) in its gateway's OpenAPI. `seed` names the Flask function it answers for.
 */
export interface SeedRoute {
  gateway: 'mobile' | 'admin';
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify's form of the path (`:id`). */
  path: string;
  /** The function in seeds/000 (kasa-app/main.py for the mobile app, admin-app/main.py for the admin). */
  seed: string;
  /** The file itself on success, not JSON. */
  file?: true;
}

/** A route of one gateway, written as the table reads: method, path, seed function. */
const routeOf =
  (gateway: SeedRoute['gateway']) =>
  (method: SeedRoute['method'], path: string, seed: string, file?: true): SeedRoute => ({
    gateway,
    method,
    path,
    seed,
    ...(file ? { file } : {}),
  });
const mobile = routeOf('mobile');
const admin = routeOf('admin');

export const SEED_ROUTES: readonly SeedRoute[] = [
  mobile('GET', '/files/:uid/:filename', 'downloader', true),
  mobile('GET', '/.well-known/apple-app-site-association', 'get_apple_json'),
  mobile('POST', '/user/signrequest', 'sign_request_post'),
  mobile('POST', '/user/signin', 'signin_post'),
  mobile('POST', '/user/profile/create', 'user_profile_post'),
  mobile('POST', '/user/profile/edit', 'user_update'),
  mobile('POST', '/user/profile/wrong', 'profile_wrong'),
  mobile('GET', '/user/profile/get', 'user_get'),
  mobile('GET', '/program/list', 'program'),
  mobile('POST', '/program/change', 'program_change'),
  mobile('POST', '/user/charges/list', 'payments_get'),
  mobile('GET', '/user/payments/list', 'charges_get'),
  mobile('POST', '/user/request/list', 'request_list'),
  mobile('GET', '/user/request/:id', 'request_get'),
  mobile('POST', '/user/request/:id/message', 'request_message_new'),
  mobile('POST', '/user/request/create', 'request_create'),
  mobile('POST', '/user/request/update', 'request_update'),
  mobile('POST', '/user/payments/liqpay', 'liqpay'),
  mobile('POST', '/user/payments/liqpay-callback', 'liqpay_callback'),
  mobile('POST', '/user/profile/diia', 'diia'),
  mobile('POST', '/user/profile/diia-callback', 'diia_callback'),
  admin('POST', '/files', 'downloader', true),
  admin('GET', '/program/:filename', 'download_program', true),
  admin('POST', '/signin', 'signin'),
  admin('GET', '/user', 'user_get'),
  admin('GET', '/user/:user_id', 'user_get'),
  admin('PUT', '/user', 'user_create'),
  admin('POST', '/user', 'user_update'),
  admin('DELETE', '/user/:id', 'user_delete'),
  admin('POST', '/user/change_password', 'change_password'),
  admin('POST', '/members', 'member_list'),
  admin('GET', '/member/generate_certificate', 'generate_certificate'),
  admin('POST', '/member', 'member_get'),
  admin('PUT', '/member', 'member_update'),
  admin('GET', '/programs', 'programs_get'),
  admin('POST', '/program', 'program_get'),
  admin('PUT', '/program', 'program_create_update'),
  admin('PUT', '/payment', 'payment_create'),
  admin('POST', '/payments', 'payments_get'),
  admin('POST', '/requests', 'requests_get'),
  admin('PUT', '/request', 'request_update'),
  admin('POST', '/request/message', 'request_message_new'),
  admin('POST', '/request', 'request_get'),
];
