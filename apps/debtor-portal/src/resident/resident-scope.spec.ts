import { describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import { OWN_SCOPE, residentVariable, scopedRoutes, scopeOf } from './resident-scope.js';

function request(params: Record<string, string>): Request {
  return { params } as unknown as Request;
}

const ID = '3f2b8c1d-9a4e-4b7f-8c6d-1e2f3a4b5c6d';

describe('scopeOf', () => {
  it('is the resident\'s own scope when no client is named', () => {
    expect(scopeOf(request({}))).toEqual({ residentId: undefined, base: '' });
    expect(scopeOf(request({ proposalId: ID }))).toBe(OWN_SCOPE);
  });

  it('is the client\'s scope for a valid id', () => {
    expect(scopeOf(request({ residentId: ID }))).toEqual({ residentId: ID, base: `/clients/${ID}` });
  });

  it('writes an id in capitals in lower case', () => {
    expect(scopeOf(request({ residentId: ID.toUpperCase() }))).toEqual({ residentId: ID, base: `/clients/${ID}` });
  });

  it('is no scope for an id that cannot be one', () => {
    for (const residentId of ['', 'me', ID.slice(1), `${ID}0`, ID.replace(/-/g, ''), `${ID.slice(0, 35)}g`, ` ${ID}`, `../${ID}`]) {
      expect(scopeOf(request({ residentId }))).toBeUndefined();
    }
  });
});

describe('scopedRoutes', () => {
  it('gives the own route and the counsellor\'s route for a client', () => {
    expect(scopedRoutes('overview')).toEqual(['overview', 'clients/:residentId/overview']);
    expect(scopedRoutes('plan/pause')).toEqual(['plan/pause', 'clients/:residentId/plan/pause']);
  });
});

describe('residentVariable', () => {
  it('sends no residentId for one\'s own data, and the client\'s id otherwise', () => {
    expect(residentVariable(OWN_SCOPE)).toEqual({});
    expect('residentId' in residentVariable(OWN_SCOPE)).toBe(false);
    expect(residentVariable({ residentId: ID, base: `/clients/${ID}` })).toEqual({ residentId: ID });
  });
});
