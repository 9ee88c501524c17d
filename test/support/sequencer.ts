import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order in which the projects' files are handed to the workers: the browser files first (few, long, mostly
 * waiting on Chromium and the API), then the API files, then the many short domain files that fill the workers'
 * last gaps. Longest first keeps the run from ending on one long file while the other workers idle. Within a
 * project Vitest's own order stays (slowest first by the last run's durations, or largest file first).
 */
const PROJECT_ORDER = ['e2e', 'api', 'domain'];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = PROJECT_ORDER.indexOf(spec.project.name);
      return index === -1 ? PROJECT_ORDER.length : index;
    };
    // Array.prototype.sort is stable: each project's files keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
