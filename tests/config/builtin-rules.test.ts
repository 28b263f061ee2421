import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ajvLoaded } from '../../src/config/ajv.js';
import { builtinRuleFiles, isBuiltinRuleFile, loadRuleDefinitions, readRuleFile } from '../../src/config/load-rules.js';

// The built-in rules/*.json are trusted at run time (no schema or options validation, so that a cold
// start does not load and compile Ajv's validators). This file is what makes that safe: every built-in
// rule file must pass exactly the validation a user's rule file gets.

describe('built-in rule files (rules/*.json)', () => {
  it('load without Ajv: trusted files are not validated at run time', () => {
    // this test file runs in its own module graph, and nothing above has validated anything yet
    const defs = loadRuleDefinitions(builtinRuleFiles());
    expect(defs.length).toBeGreaterThan(50);
    expect(ajvLoaded()).toBe(false);
  });

  it.each(builtinRuleFiles().map((f) => [basename(f), f]))('%s is valid against the rule-file schema and every option schema', (_name, file) => {
    expect(isBuiltinRuleFile(file)).toBe(true);
    // trusted: false applies the full validation of a user rule file (schema, check kinds, options)
    const validated = readRuleFile(file, { trusted: false });
    expect(validated).toEqual(readRuleFile(file));
    expect(validated.length).toBeGreaterThan(0);
    expect(ajvLoaded()).toBe(true);
  });

  it('are named rules/<name> whatever the working folder', () => {
    for (const cwd of ['/', '/tmp', process.cwd()]) {
      const defs = loadRuleDefinitions(builtinRuleFiles(), cwd);
      expect(new Set(defs.map((d) => d.source))).toEqual(new Set(builtinRuleFiles().map((f) => `rules/${basename(f)}`)));
    }
  });
});
