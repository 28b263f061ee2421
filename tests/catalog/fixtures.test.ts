import { describe } from 'vitest';
import { fixtureTests } from '../support/fixture-runner.js';

describe('catalog fixtures', () => fixtureTests('catalog'));
