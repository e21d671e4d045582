export * from './builtinOperators';
export * from './util';
