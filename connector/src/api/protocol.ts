// The panels' WebSocket protocol: the schemas live in ./schema (the source of truth); docs/protocol.md describes them.
export {
  clientFrameSchema,
  serverFrameSchema,
  MAX_FRAME_BYTES,
  MAX_INBOX_WINDOW,
  PROTOCOL_VERSION,
  type ClientFrame,
  type ErrorBody,
  type ServerFrame
} from './schema';
