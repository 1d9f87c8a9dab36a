/** The seeded generator lives in @puhui/core, shared with the other domain packages. */
export { createRng, type Rng, shuffled } from '@puhui/core';
