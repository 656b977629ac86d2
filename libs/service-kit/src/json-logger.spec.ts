import { describe, expect, it } from '@jest/globals';
import { runWithCorrelationId } from './correlation-scope.js';
import { JsonLogger, type LogLine } from './json-logger.js';

function logger(level: 'debug' | 'info' | 'warn' | 'error') {
  const lines: LogLine[] = [];
  return { lines, log: new JsonLogger('coordinator', level, (line) => lines.push(JSON.parse(line) as LogLine)) };
}

describe('JsonLogger', () => {
  it("writes Nest's messages as one JSON line each, with the context Nest passes last", () => {
    const { lines, log } = logger('info');
    log.log('Coordinator listens on http://127.0.0.1:4001', 'Coordinator');
    expect(lines).toEqual([{ ts: expect.any(String), level: 'info', service: 'coordinator', msg: 'Coordinator listens on http://127.0.0.1:4001', context: 'Coordinator' }]);
  });

  it('names the correlation id of the request the line was written in', async () => {
    const { lines, log } = logger('info');
    await runWithCorrelationId('req-12345678', async () => {
      await Promise.resolve();
      log.warn('The node did not answer', 'PlanDeliveryWorker');
    });
    log.warn('outside any request');
    expect(lines.map((line) => line.correlationId)).toEqual(['req-12345678', undefined]);
  });

  it('drops what is below its level', () => {
    const { lines, log } = logger('warn');
    log.debug('d');
    log.verbose('v');
    log.log('i');
    log.warn('w');
    log.error('e');
    expect(lines.map((line) => `${line.level}:${line.msg}`)).toEqual(['warn:w', 'error:e']);
  });

  it('keeps the stack of an error, whether Nest passes it as text or as the Error itself', () => {
    const { lines, log } = logger('error');
    log.error('Delivery failed', 'Error: boom\n    at x', 'PlanDeliveryWorker');
    log.fatal(new Error('gone'));
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'Delivery failed', stack: 'Error: boom\n    at x', context: 'PlanDeliveryWorker' });
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'gone', stack: expect.stringContaining('Error: gone') });
  });

  it('adds the fields of a structured message, such as a queue job and its outcome', () => {
    const { lines, log } = logger('info');
    log.line('info', 'job', { job: 'deliver-proposal', outcome: 'delivered' });
    log.log({ msg: 'job', job: 'deliver-plan-event', outcome: 'retry' }, 'PlanDeliveryWorker');
    expect(lines[0]).toMatchObject({ msg: 'job', job: 'deliver-proposal', outcome: 'delivered' });
    expect(lines[1]).toMatchObject({ msg: 'job', job: 'deliver-plan-event', outcome: 'retry', context: 'PlanDeliveryWorker' });
  });
});
