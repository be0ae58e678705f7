// Structured JSON logs. Customer text never reaches a log: events are logged by kind and ids only, and the fields
// that can hold customer or agent text are redacted as a second line of defence.
import pino from 'pino';

export const REDACTED_PATHS = [
  '*.text',
  '*.body',
  '*.notes',
  '*.message.text',
  '*.transcript',
  '*.args.text',
  '*.args.notes',
  '*.args.digits',
  '*.token',
  '*.authorization',
  'token',
  'text'
];

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    { level, base: { service: 'connector' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination
  );
}

export type Logger = pino.Logger;
