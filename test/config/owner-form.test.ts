import { describe, expect, it } from 'vitest';
import { ownerForm, ownerWriter } from '../../src/config/csv/owner-form.js';
import type { TeamMember } from '../../src/core/model.js';

const member = (id: string, name?: string, email?: string): TeamMember => ({
  id,
  role: 'csm',
  fte: 1,
  languages: [],
  path: ['team', 0],
  ...(name ? { name } : {}),
  ...(email ? { email } : {}),
});

describe('ownerForm', () => {
  it('is the form most owners of the export matched by', () => {
    expect(ownerForm({ byId: 0, byEmail: 5, byName: 2 })).toBe('email');
    expect(ownerForm({ byId: 1, byEmail: 0, byName: 9 })).toBe('name');
    expect(ownerForm({ byId: 3, byEmail: 3, byName: 3 })).toBe('id');
    expect(ownerForm(undefined)).toBe('id');
  });
});

describe('ownerWriter', () => {
  const team = [
    member('dana', 'Dana Scully', 'dana@acme.io'),
    member('dan', 'Dan Okafor'),
    member('sam-1', 'Sam Lee', 'sam1@acme.io'),
    member('sam-2', 'Sam Lee'),
  ];

  it('writes the form asked for when it names the person', () => {
    expect(ownerWriter(team, 'name')('dana')).toBe('Dana Scully');
    expect(ownerWriter(team, 'email')('dana')).toBe('dana@acme.io');
    expect(ownerWriter(team, 'id')('dana')).toBe('dana');
  });

  it('gives way to a form that reads back as the same person: no email, a shared name', () => {
    // Dan has no email: his name. The two Sam Lees share a name: the one with an email gets it,
    // the other the team id.
    expect(ownerWriter(team, 'email')('dan')).toBe('Dan Okafor');
    expect(ownerWriter(team, 'name')('sam-1')).toBe('sam1@acme.io');
    expect(ownerWriter(team, 'name')('sam-2')).toBe('sam-2');
  });

  it("writes a person as the export already spells them, accents and all, over the team's name", () => {
    const sofia = [member('sofia', 'Sofía García', 'sofia@acme.io')];
    const spellings = new Map([['sofia', 'Sofia Garcia']]);
    expect(ownerWriter(sofia, 'name', spellings)('sofia')).toBe('Sofia Garcia');
    expect(ownerWriter(sofia, 'name')('sofia')).toBe('Sofía García');
  });
});
