import { describe, expect, it } from '@jest/globals';
import { RequestMetrics } from './request-metrics.js';

describe('RequestMetrics', () => {
  it('counts each request in every bucket at or above its duration, per method and status', () => {
    const metrics = new RequestMetrics('gateway');
    metrics.observe('POST', 200, 0.02);
    metrics.observe('POST', 200, 0.3);
    metrics.observe('POST', 502, 3);
    const text = metrics.render();
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

  it('renders only the header before the first request', () => {
    expect(new RequestMetrics('node:x').render().trim().split('\n')).toHaveLength(2);
  });
});
