export { createLogger, type Logger, type LoggerOptions } from './create-logger.ts';
export { maskPhone, REDACT_PATHS, SENSITIVE_KEYS } from './redaction.ts';
