// Property tests draw their cases from one fixed seed, so a CI run gives the
// same verdict on the same tree: a counterexample found once is found every
// time, never now and then. To explore beyond it, run with another seed:
//   FC_SEED=random npx vitest run engine/masking     (a fresh seed each run, printed on failure)
//   FC_SEED=12345 npx vitest run ...                  (replay one)
import fc from 'fast-check';

const chosen = process.env.FC_SEED;
if (chosen !== 'random') fc.configureGlobal({ seed: chosen === undefined ? 20261202 : Number(chosen) });
