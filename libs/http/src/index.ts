export { createHttpApp, type HttpApp, type HttpAppOptions } from './create-http-app.ts';
export {
  ERROR_CODE_HEADER,
  ERROR_ENVELOPE_ID,
  ErrorEnvelope,
  type ErrorEnvelopeBody,
  type ErrorEnvelopeStyle,
  ErrorResponse,
  errorBody,
  errorSchemaOf,
} from './error-envelope.ts';
export { answerFor, type ErrorAnswer } from './error-handler.ts';
export {
  AppError,
  type AppErrorOptions,
  badRequest,
  conflict,
  forbidden,
  isAppError,
  notFound,
  payloadTooLarge,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
  unprocessable,
  unsupportedMediaType,
} from './errors.ts';
export {
  type CloseHook,
  type GracefulShutdownOptions,
  installGracefulShutdown,
  type ShutdownOptions,
  shutdown,
} from './graceful-shutdown.ts';
export { type HealthCheck, type HealthOptions, registerHealth } from './health.ts';
export {
  ACCESS_TOKEN_HEADER,
  type AuthUser,
  asCaller,
  callerId,
  callerToken,
  type JwtAuthOptions,
  registerJwtAuth,
  requireAuth,
  requireRole,
  requireTokensFor,
  tokenScope,
} from './jwt-auth.ts';
export { bearerSecurity, type OpenApiOptions, registerOpenApi } from './openapi.ts';
export { REQUEST_ID_HEADER } from './request-id.ts';
export {
  type RevocationFeed,
  type RevocationFeedOptions,
  RevokedSessions,
  RevokedSessionsAnswer,
  startRevocationFeed,
} from './revoked-sessions.ts';
export { isSeedToken, type SeedTokenClaims, seedTokenVerifier } from './seed-tokens.ts';
export {
  createServiceClient,
  type DownloadAnswer,
  type QueryValue,
  type ServiceCall,
  type ServiceClient,
  type ServiceClientOptions,
  type ServiceDownload,
  type ServiceForward,
  type ServiceRequest,
} from './service-client.ts';
export { administratorsOnly, assertAdministrator, assertStaffMayAct, staffMayAct } from './staff-rules.ts';
export {
  type ForwardedBody,
  forwardedBody,
  MULTIPART_BODY_LIMIT,
  type MultipartPassThroughOptions,
  passMultipartThrough,
  SERVED_FILE_POLICY,
  sendDownload,
} from './stream-forwarding.ts';
export type { TokenExchange } from './token-exchange.ts';
export {
  type ClaimedUploads,
  claimUploads,
  registerUploads,
  type UploadLimits,
  type UploadSink,
} from './uploads.ts';
export { type SchemaValidationError, validationMessage } from './validation-message.ts';
