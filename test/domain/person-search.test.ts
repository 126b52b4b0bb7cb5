/** Finding a person by what someone types: names (Chinese too), emails, departments. */
import { describe, expect, it } from 'vitest';
import { exactMatches, matchRank, queryWords, searchPeople } from '../../src/domain/person-search.js';

const people = [
  { id: 'wf', name: '王芳', email: 'wang.fang@example.com', department: '财务部' },
  { id: 'ww', name: '王伟', email: 'wang.wei@example.com', department: '市场部' },
  { id: 'ys', name: 'Yusuf Wang', email: 'ywang@example.com', department: 'Legal' },
  { id: 'zz', name: 'Zoë Zhang', email: 'zoe@example.com', department: 'Legal' },
];
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const ids = (query: string, limit = 10) => searchPeople(people, query, byName, limit).map((p) => p.id);

describe('person search', () => {
  it('splits a query into words on spaces and Chinese or Latin separators', () => {
    expect(queryWords(' 王，财务  部 ')).toEqual(['王', '财务', '部']);
    expect(queryWords('   ')).toEqual([]);
  });

  it('matches every word in some field, whatever the width or case of the letters', () => {
    expect(ids('王')).toEqual(expect.arrayContaining(['wf', 'ww']));
    expect(ids('王 财务')).toEqual(['wf']);
    expect(ids('ＬＥＧＡＬ')).toEqual(['ys', 'zz']);
    expect(ids('yusufwang')).toEqual(['ys']);
    expect(ids('nobody')).toEqual([]);
  });

  it('puts a name starting with the first word before other matches, and stops at the limit', () => {
    expect(matchRank(people[2]!, ['yusuf'])).toBe(0);
    expect(matchRank(people[2]!, ['wang'])).toBe(1);
    // Latin before Chinese by name among equal matches; all three have "wang" in name or email.
    expect(ids('wang')).toHaveLength(3);
    expect(ids('wang')[0]).toBe('ys');
    expect(ids('example', 2)).toHaveLength(2);
  });

  it('finds exact whole names or emails only', () => {
    expect(exactMatches(people, ' WANG.FANG@example.com ').map((p) => p.id)).toEqual(['wf']);
    expect(exactMatches(people, '王').map((p) => p.id)).toEqual([]);
    expect(exactMatches(people, 'zoë zhang').map((p) => p.id)).toEqual(['zz']);
    expect(exactMatches(people, '')).toEqual([]);
  });
});
