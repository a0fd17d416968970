export { type AudienceScopeDeps, audienceScope } from './audience-scope.ts';
export { fileNotFound, sendStoredFile } from './stored-file-reply.ts';
export { ANY_FIELD, storeUploadSink, withStoredUploads } from './stored-uploads.ts';
