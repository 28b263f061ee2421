import { describe } from 'vitest';
import { fixtureTests } from '../support/fixture-runner.js';

describe('table arithmetic fixtures', () => fixtureTests('table'));
describe('cross-table identity fixtures', () => fixtureTests('cross'));
