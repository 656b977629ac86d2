import { describe, expect, it } from '@jest/globals';
import { countGraphQLError } from './graphql-error-metrics.js';
import { RequestMetrics } from './request-metrics.js';

describe('RequestMetrics', () => {
  it('counts each request in every bucket at or above its duration, per method and status', async () => {
    const metrics = new RequestMetrics('gateway');
    metrics.observe('POST', 200, 0.02);
    metrics.observe('POST', 200, 0.3);
    metrics.observe('POST', 502, 3);
    const text = await metrics.render();
    const labels = 'service="gateway",method="POST",status="200"';
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain(`http_request_duration_seconds_bucket{${labels},le="0.01"} 0`);
    expect(text).toContain(`http_request_duration_seconds_bucket{${labels},le="0.025"} 1`);
    expect(text).toContain(`http_request_duration_seconds_bucket{${labels},le="0.5"} 2`);
    expect(text).toContain(`http_request_duration_seconds_bucket{${labels},le="+Inf"} 2`);
    expect(text).toContain(`http_request_duration_seconds_count{${labels}} 2`);
    expect(text).toContain(`http_request_duration_seconds_sum{${labels}} 0.32`);
    expect(text).toContain('http_request_duration_seconds_count{service="gateway",method="POST",status="502"} 1');
    expect(text).toContain('http_request_duration_seconds_bucket{service="gateway",method="POST",status="502",le="2.5"} 0');
  });

  it('renders only the headers before the first request', async () => {
    const lines = (await new RequestMetrics('node:x').render()).trim().split('\n');
    expect(lines.filter((line) => !line.startsWith('#') && line.startsWith('http_'))).toEqual([]);
    expect(lines).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('counts GraphQL errors by code, and anything that is not a code as OTHER', async () => {
    const before = await new RequestMetrics('gateway').render();
    const countOf = (text: string, code: string): number => Number(new RegExp(`graphql_errors_total\\{service="gateway",code="${code}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    countGraphQLError('CREDITOR_UNAVAILABLE');
    countGraphQLError('CREDITOR_UNAVAILABLE');
    countGraphQLError('not a code, with "quotes"');
    const after = await new RequestMetrics('gateway').render();
    expect(countOf(after, 'CREDITOR_UNAVAILABLE') - countOf(before, 'CREDITOR_UNAVAILABLE')).toBe(2);
    expect(countOf(after, 'OTHER') - countOf(before, 'OTHER')).toBe(1);
    expect(after).not.toContain('quotes');
  });

  it("adds each collector's lines, and reports a failing collector as a comment instead of failing the scrape", async () => {
    const metrics = new RequestMetrics('coordinator');
    metrics.addCollector(() => Promise.resolve(['# TYPE ledger_entries gauge', 'ledger_entries 42']));
    metrics.addCollector(() => Promise.reject(new Error('database\nis down')));
    const text = await metrics.render();
    expect(text).toContain('ledger_entries 42\n');
    expect(text).toContain('# collector failed: database is down');
  });
});
