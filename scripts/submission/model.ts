/**
 * The generator's building blocks, gathered: the public types, the seeded random numbers, the size
 * rules, the word lists, the fictional enterprises and the cell model. The tables are built from them
 * in ./tables/ and the workbooks written by ../submission.ts.
 */
export * from './types';
export * from './random';
export * from './sizeRules';
export * from './words';
export * from './enterprises';
export * from './cells';
