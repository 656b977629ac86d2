import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { signPaymentCallback } from '#consent';

/**
 * DEVELOPMENT ONLY: a stand-in for the payment provider (the bank side, which cannot exist here). A
 * resident "pays" into a plan's account with its payment reference; like a real provider, it then
 * tells the coordinator by a signed webhook (`Payment-Signature`, HMAC-SHA256 over the raw body) and
 * retries with backoff until it gets a 2xx, giving up on a 4xx (the coordinator refused it for good).
 * Payments live in memory: this is a simulator, the coordinator is the one that must not lose them.
 */
export interface SimulatedPayment {
  readonly id: string;
  readonly reference: string;
  readonly amountCents: number;
  readonly receivedOn: string;
  attempts: number;
  /** delivered: the coordinator answered 2xx; refused: a 4xx; pending: still trying. */
  state: 'pending' | 'delivered' | 'refused';
  lastAnswer: string | null;
}

export interface ProviderOptions {
  readonly host: string;
  readonly port: number;
  readonly callbackUrl: URL;
  readonly secret: string;
  /** First retry after this many ms, doubling up to a minute. */
  readonly retryBaseMs?: number;
}

const MAX_BODY = 16 * 1024;

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > MAX_BODY) throw new Error('too large');
  }
  return body;
}

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
  response.end(type === 'application/json' ? JSON.stringify(body) : String(body));
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export class SimulatedPaymentProvider {
  private readonly payments = new Map<string, SimulatedPayment>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | null = null;

  constructor(private readonly options: ProviderOptions) {}

  get url(): string {
    const address = this.server?.address();
    return typeof address === 'object' && address !== null ? `http://${this.options.host}:${address.port}` : '';
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => send(response, 400, { error: { code: 'BAD_REQUEST', message: String(error instanceof Error ? error.message : error) } }));
    });
    await new Promise<void>((resolve) => this.server?.listen(this.options.port, this.options.host, resolve));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A resident pays: the money is "received" now, and the coordinator is told. */
  pay(params: { readonly reference: string; readonly amountCents: number; readonly receivedOn?: string }): SimulatedPayment {
    if (!/^[0-9A-Za-z-]{1,64}$/.test(params.reference)) throw new Error('reference: 1 to 64 letters, digits or dashes');
    if (!Number.isSafeInteger(params.amountCents) || params.amountCents <= 0) throw new Error('amountCents: a whole number of cents above zero');
    const payment: SimulatedPayment = {
      id: `pay_${randomBytes(8).toString('hex')}`,
      reference: params.reference,
      amountCents: params.amountCents,
      receivedOn: params.receivedOn ?? today(),
      attempts: 0,
      state: 'pending',
      lastAnswer: null,
    };
    this.payments.set(payment.id, payment);
    void this.deliver(payment);
    return payment;
  }

  private async deliver(payment: SimulatedPayment): Promise<void> {
    const body = JSON.stringify({ id: payment.id, reference: payment.reference, amountCents: payment.amountCents, receivedOn: payment.receivedOn, status: 'paid' });
    payment.attempts += 1;
    try {
      const response = await fetch(this.options.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'payment-signature': signPaymentCallback({ secret: this.options.secret, body, now: new Date() }) },
        body,
        signal: AbortSignal.timeout(5_000),
      });
      payment.lastAnswer = `${response.status} ${await response.text().catch(() => '')}`.slice(0, 500);
      if (response.ok) payment.state = 'delivered';
      else if (response.status < 500 && response.status !== 429) payment.state = 'refused';
    } catch (error) {
      payment.lastAnswer = error instanceof Error ? error.message : String(error);
    }
    if (payment.state === 'pending') {
      const delay = Math.min((this.options.retryBaseMs ?? 1_000) * 2 ** Math.min(payment.attempts - 1, 10), 60_000);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.deliver(payment);
      }, delay);
      this.timers.add(timer);
    }
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://provider');
    if (request.method === 'GET' && url.pathname === '/health/ready') return send(response, 200, { status: 'ok' });
    if (request.method === 'POST' && url.pathname === '/v1/payments') {
      const input = JSON.parse(await readBody(request)) as { reference?: unknown; amountCents?: unknown; receivedOn?: unknown };
      const payment = this.pay({
        reference: typeof input.reference === 'string' ? input.reference : '',
        amountCents: Number(input.amountCents),
        ...(typeof input.receivedOn === 'string' ? { receivedOn: input.receivedOn } : {}),
      });
      return send(response, 201, payment);
    }
    const match = /^\/v1\/payments\/(pay_[0-9a-f]{16})$/.exec(url.pathname);
    if (request.method === 'GET' && match) {
      const payment = this.payments.get(match[1] ?? '');
      return payment ? send(response, 200, payment) : send(response, 404, { error: { code: 'NOT_FOUND', message: 'No such payment.' } });
    }
    if (request.method === 'POST' && url.pathname === '/pay') {
      const form = new URLSearchParams(await readBody(request));
      const euros = Number((form.get('amount') ?? '').replace(',', '.'));
      this.pay({ reference: (form.get('reference') ?? '').replace(/\s/g, ''), amountCents: Math.round(euros * 100) });
      response.writeHead(303, { location: '/' });
      return void response.end();
    }
    if (request.method === 'GET' && url.pathname === '/') return send(response, 200, this.page(), 'text/html');
    send(response, 404, { error: { code: 'NOT_FOUND', message: 'No such page.' } });
  }

  /** A bank-like page for the demo: pay a plan by its reference, and see what the coordinator answered. */
  private page(): string {
    const rows = [...this.payments.values()]
      .reverse()
      .map((p) => `<tr><td>${escapeHtml(p.reference)}</td><td>€ ${(p.amountCents / 100).toFixed(2).replace('.', ',')}</td><td>${p.receivedOn}</td><td>${p.state} (${p.attempts})</td></tr>`)
      .join('');
    return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Betalen (simulatie) / Pay (simulation)</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;line-height:1.5}label{display:block;margin-top:.75rem}input{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}button{margin-top:1rem;font-size:1rem;padding:.5rem 1rem}table{border-collapse:collapse;width:100%;margin-top:1.5rem}td,th{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}</style></head>
<body><main><h1>Betalen voor je betaalplan <small>(simulatie)</small></h1><p>Dit is geen echte bank. Hier doe je alsof je betaalt. / This is not a real bank: a stand-in for trying the plan.</p>
<form method="post" action="/pay"><label for="reference">Betalingskenmerk / payment reference</label><input id="reference" name="reference" inputmode="numeric" required autocomplete="off">
<label for="amount">Bedrag in euro / amount in euros</label><input id="amount" name="amount" inputmode="decimal" required><button type="submit">Betaal / Pay</button></form>
<table><caption>Betalingen / payments</caption><thead><tr><th scope="col">Kenmerk</th><th scope="col">Bedrag</th><th scope="col">Datum</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`;
  }
}
