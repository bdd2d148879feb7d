/** Guidelines with German rules, shared by the languages server tests. */
import type { Guidelines } from '../../lib/schemas';

export const GERMAN_GUIDELINES: Guidelines = {
  disclosure: { text: '#employee', networks: ['linkedin'] },
  bannedTerms: [{ pattern: 'guaranteed returns', reason: 'Financial promotion rules' }],
  languages: {
    de: {
      bannedTerms: [{ pattern: 'garantierte Rendite', reason: 'Finanzwerbung' }],
      disclosure: { text: '#mitarbeiter', networks: ['linkedin'] },
    },
  },
};
