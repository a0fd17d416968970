export { createLogger, type Logger, type LoggerOptions } from './create-logger.ts';
export { maskPhone, redact, SENSITIVE_KEYS } from './redaction.ts';
