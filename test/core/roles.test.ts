import { describe, expect, it } from 'vitest';
import { rankIn, roleWithArticle } from '../../src/core/roles.js';

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

describe('rankIn', () => {
  it('places a listed role by its index and any other role after all of them', () => {
    const order = ['cs-ops', 'csm'] as const;
    expect(rankIn(order, 'cs-ops')).toBe(0);
    expect(rankIn(order, 'csm')).toBe(1);
    expect(rankIn(order, 'ceo')).toBe(2);
  });
});
