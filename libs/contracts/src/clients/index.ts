/**
 * The client contract (issue 17): what the fund's existing mobile app and admin site read from
 * each seed route, derived from the seed's Flask code (seeds/000). The gateways use these as
 * their routes' response schemas (and so in OpenAPI); the contract tests check the real answers
 * against them.
 */
export * from './admin-files.ts';
export * from './admin-members.ts';
export * from './admin-payments.ts';
export * from './admin-programs.ts';
export * from './admin-requests.ts';
export * from './admin-sign-in.ts';
export * from './admin-staff-users.ts';
export * from './mobile-payments.ts';
export * from './mobile-profile.ts';
export * from './mobile-requests.ts';
export * from './mobile-sign-in.ts';
export * from './seed-errors.ts';
export * from './seed-formats.ts';
export * from './seed-member-rows.ts';
export * from './seed-request-rows.ts';
export * from './seed-routes.ts';
export * from './seed-rows.ts';
export * from './seed-token-claims.ts';
