/**
 * The bootstrap's own milestones as User Timing marks (`valise:<name>`): they show in a Chromium
 * trace and in `performance.getEntriesByType('mark')`, where tests/bench/trace.bench.ts reads
 * where the first screen's time goes (#26). A mark costs microseconds and changes nothing else.
 */
export type Milestone =
  | 'i18n-start'
  | 'i18n-ready'
  | 'boot'
  | 'language-ready'
  | 'data-wait-end'
  | 'render'
  | 'first-commit'
  | 'library-data'
  | 'library-ready';

export function mark(milestone: Milestone): void {
  performance.mark(`valise:${milestone}`);
}
