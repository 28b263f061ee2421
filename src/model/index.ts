export * from './amount.js';
export * from './decimal.js';
export * from './document.js';
export * from './location.js';
export * from './table-access.js';
