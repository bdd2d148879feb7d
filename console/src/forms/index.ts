/** The console's form helper: one hook every editor uses, and the error, focus and input helpers beneath it. */
export * from './errors';
export * from './focus';
export * from './inputs';
export * from './state';
export * from './use-schema-form';
export * from './use-document-form';
