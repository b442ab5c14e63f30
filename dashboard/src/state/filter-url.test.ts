import { describe, expect, it } from 'vitest';
import { conversation } from '../test-utils/fixtures.js';
import { filterQuery, filtersFromQuery, sameFilters } from './filter-url.js';
import { clearedFilters, hasFilters, joinsLive, listQuery, NO_FILTERS } from './list-filters.js';
import { parseRoute, routeHref } from './route.js';

describe('filters in the URL', () => {
  it('round-trips every filter through the hash query', () => {
    const filters = {
      ...NO_FILTERS,
      q: 'mia',
      status: 'closed' as const,
      assigneeId: 'none',
      channel: 'sms' as const,
      teamId: 't1',
      type: 'agent_started' as const,
      tag: 'vip',
      attribute: 'Plan',
      attributeValue: 'Pro & Co',
      createdFrom: '2025-01-06',
      createdTo: '2025-01-07',
      from: '2025-02-01',
      to: '2025-02-02',
    };
    const query = filterQuery(filters);
    expect(filtersFromQuery(query)).toEqual(filters);
    expect(filterQuery(NO_FILTERS)).toBe('');
    expect(sameFilters(filtersFromQuery(query)!, filters)).toBe(true);
  });

  it('ignores unknown and malformed parameters, and tells "no query" from an empty one', () => {
    expect(
      filtersFromQuery('channel=fax&type=robot&team=t1&from=yesterday&createdTo=2025-13-45&x=1'),
    ).toEqual({
      ...NO_FILTERS,
      teamId: 't1',
    });
    expect(filtersFromQuery(`tag=${'x'.repeat(33)}&attribute=%20`)).toEqual(NO_FILTERS);
    expect(filtersFromQuery(null)).toBeNull();
    expect(filtersFromQuery('')).toEqual(NO_FILTERS);
  });

  it('reads the inbox routes with a query, and writes them back', () => {
    expect(parseRoute('#/folder/unassigned?channel=sms&team=t1&type=live')).toEqual({
      page: 'inbox',
      conversationId: null,
      folder: 'unassigned',
      filters: { ...NO_FILTERS, channel: 'sms', teamId: 't1', type: 'live' },
    });
    const open = parseRoute('#/inbox/c%3F1?tag=vip');
    expect(open).toEqual({ page: 'inbox', conversationId: 'c?1', filters: { ...NO_FILTERS, tag: 'vip' } });
    expect(routeHref(open)).toBe('#/inbox/c%3F1?tag=vip');
    // Beside an open conversation, the list's folder is in the query too; a folder that is none is ignored.
    const inMine = parseRoute('#/inbox/c-1?folder=mine&team=t1');
    expect(inMine).toEqual({
      page: 'inbox',
      conversationId: 'c-1',
      folder: 'mine',
      filters: { ...NO_FILTERS, teamId: 't1' },
    });
    expect(routeHref(inMine)).toBe('#/inbox/c-1?folder=mine&team=t1');
    expect(parseRoute('#/inbox/c-1?folder=nope')).toEqual({
      page: 'inbox',
      conversationId: 'c-1',
      filters: NO_FILTERS,
    });
    expect(parseRoute('#/inbox')).toEqual({ page: 'inbox', conversationId: null });
    // Other pages ignore a query.
    expect(parseRoute('#/team?channel=sms')).toEqual({ page: 'team' });
  });
});

describe('the filters as asked and judged', () => {
  it('asks for every filter set: tags lowercase, days as local midnights, a value only with its attribute', () => {
    const query = listQuery('all', {
      ...NO_FILTERS,
      channel: 'web',
      teamId: 'none',
      type: 'bot',
      tag: ' VIP ',
      attribute: 'Plan',
      attributeValue: 'Pro',
      createdFrom: '2025-01-06',
      createdTo: '2025-01-06',
    });
    expect(query).toMatchObject({
      folder: 'all',
      channel: 'web',
      teamId: 'none',
      type: 'bot',
      tag: 'vip',
      attribute: 'Plan',
      attributeValue: 'Pro',
      createdFrom: new Date(2025, 0, 6).getTime(),
      createdTo: new Date(2025, 0, 7).getTime() - 1,
    });
    expect(listQuery('all', { ...NO_FILTERS, attributeValue: 'Pro' }).attributeValue).toBeUndefined();
  });

  it('knows when a filter is set, and clears them all but the search', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, q: 'mia' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, type: 'live' })).toBe(true);
    expect(clearedFilters({ ...NO_FILTERS, q: 'mia', tag: 'vip', channel: 'sms' })).toEqual({
      ...NO_FILTERS,
      q: 'mia',
    });
  });

  it('lets a conversation that appeared live join only on what it carries', () => {
    const tagged = conversation({ tags: ['vip'] });
    expect(joinsLive(tagged, { ...NO_FILTERS, tag: 'vip' })).toBe(true);
    expect(joinsLive(conversation(), { ...NO_FILTERS, tag: 'vip' })).toBe(false);
    // Attributes are the contact's: the next list answer brings those.
    expect(joinsLive(tagged, { ...NO_FILTERS, attribute: 'Plan' })).toBe(false);
    expect(joinsLive(tagged, NO_FILTERS)).toBe(true);
  });
});
