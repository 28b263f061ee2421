import { describe } from 'vitest';
import { fixtureTests } from '../support/fixture-runner.js';

/**
 * 绩效目标 form fixtures (fixtures/performance/<case>/input.txt): each asserts the findings of
 * 'performance/form-parts' and 'performance/forms-vs-narrative' (rule id, messageId, line, row = the
 * form's project, field = the fund label, data) and the outcomes that must not be passes.
 */
describe('performance (绩效目标) fixtures', () => fixtureTests('performance'));
