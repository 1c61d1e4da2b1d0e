/// <reference lib="webworker" />

/**
 * The screening worker's entry. It begins reading the stored layers its name names (screening-worker-start.ts) as
 * soon as it runs, before the engine's code is loaded: that code is a chunk of its own, loaded after the reads have
 * begun. Messages that arrive before it is loaded wait for it, in order (screening-worker-body.ts).
 */
import { type ClientRequest, type ClientResponse, namedLayers } from './worker-messages.ts';
import { beginRead, type EarlyRead } from './worker-reads.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const named = namedLayers(scope.name);
const reads = new Map<string, EarlyRead>(named.map((n) => [n.id, beginRead(n.id)]));

const waiting: ClientRequest[] = [];
scope.onmessage = (e: MessageEvent<ClientRequest>) => waiting.push(e.data);

import('./screening-worker-body.ts').then(
  (body) => body.runScreeningWorker(named, reads, waiting),
  (e: unknown) => {
    // without the engine no request can be answered: each says so, rather than waiting for ever
    const message = `The screening engine could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
    const refuse = (req: ClientRequest) => {
      if (req.requestId > 0)
        scope.postMessage({ type: 'error', requestId: req.requestId, message } satisfies ClientResponse);
    };
    waiting.forEach(refuse);
    scope.onmessage = (e: MessageEvent<ClientRequest>) => refuse(e.data);
  },
);
