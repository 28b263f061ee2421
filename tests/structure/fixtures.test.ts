import { describe } from 'vitest';
import { fixtureTests } from '../support/fixture-runner.js';

describe('structure fixtures', () => fixtureTests('structure'));
