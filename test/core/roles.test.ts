import { describe, expect, it } from 'vitest';
import { roleWithArticle } from '../../src/core/roles.js';

describe('roleWithArticle', () => {
  it('says "an" before a label that starts with a vowel and "a" before one that does not', () => {
    expect(roleWithArticle('onboarding')).toBe('An Onboarding Specialist');
    expect(roleWithArticle('account-manager')).toBe('An Account Manager');
    expect(roleWithArticle('enablement')).toBe('An Enablement Specialist');
    expect(roleWithArticle('cs-ops')).toBe('A CS Ops Specialist');
    expect(roleWithArticle('csm')).toBe('A CSM');
    expect(roleWithArticle('renewals')).toBe('A Renewals Manager');
  });
});
