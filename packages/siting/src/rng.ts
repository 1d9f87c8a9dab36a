/** The seeded generator lives in @puhui/core, shared with the other domain packages. */
export { createRng, normal, type Rng } from '@puhui/core';
