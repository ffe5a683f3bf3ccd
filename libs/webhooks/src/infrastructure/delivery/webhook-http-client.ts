import { Injectable } from '@nestjs/common';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { AppConfig } from '@servertree/platform';
import { isInternalAddress } from './target-addresses';

/** A receiver's answer is never kept beyond this (SPEC §6). */
const MAX_KEPT_BODY = 1024;
/** Open connections kept per receiver (host and port): bounds what one receiver can hold. */
const SOCKETS_PER_TARGET = 16;

export type AttemptResult =
  | { readonly delivered: boolean; readonly status: number; readonly body: string }
  | { readonly delivered: false; readonly status: null; readonly body: string };

/**
 * POSTs one delivery. node:http rather than fetch because it lets the connection's own DNS
 * answer be checked (`lookup`): the address actually connected to is the one judged, so a name
 * that resolved to a public address when subscribing cannot be re-pointed inside later. It also
 * never follows redirects (a 3xx is a failed attempt), and the answer is read up to 1 KiB.
 *
 * Connections are kept alive and reused per receiver (the agents pool sockets by host and port):
 * a TCP (and TLS) handshake per delivery was most of an attempt's cost. The guarded lookup still
 * runs for every new connection, and a kept connection stays on the address that was judged.
 */
@Injectable()
export class WebhookHttpClient {
  private readonly agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets: SOCKETS_PER_TARGET }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets: SOCKETS_PER_TARGET }),
  };

  constructor(private readonly config: AppConfig) {}

  /**
   * Closes the kept connections, and cuts off any request still on them: call it only once no
   * attempt is in flight (the sender does, after its last one is recorded).
   */
  close(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  post(url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const { timeoutMs, allowPrivateTargets } = this.config.webhooks;
    return new Promise((resolve) => {
      const failed = (reason: string) => resolve({ delivered: false, status: null, body: reason });
      const request = send(
        target,
        {
          method: 'POST',
          agent: this.agents[secure ? 'https:' : 'http:'],
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body).toString(),
            'user-agent': 'ServerTree-Webhooks/1',
          },
          signal: AbortSignal.timeout(timeoutMs),
          lookup: allowPrivateTargets ? undefined : guardedLookup,
        },
        (response) => {
          readStart(response).then((text) => {
            const status = response.statusCode ?? 0;
            resolve({ delivered: status >= 200 && status < 300, status, body: text });
          }, failed);
        },
      );
      request.on('error', (error) =>
        failed(error.name === 'AbortError' ? `no answer within ${timeoutMs} ms` : error.message),
      );
      request.end(body);
    });
  }
}

function readStart(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).subarray(0, MAX_KEPT_BODY).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      if (size < MAX_KEPT_BODY) chunks.push(chunk);
      size += chunk.length;
      // The rest is not wanted: stop reading a large answer instead of buffering it.
      if (size >= MAX_KEPT_BODY) {
        response.destroy();
        done();
      }
    });
    response.on('end', done);
    response.on('error', reject);
  });
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, []);
    const internal = addresses.find(({ address }) => isInternalAddress(address));
    if (internal) {
      return callback(
        new Error(`${hostname} resolves to internal address ${internal.address}`),
        [],
      );
    }
    const wantsAll = (options as { all?: boolean }).all;
    if (wantsAll) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}
