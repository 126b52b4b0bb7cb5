import type { ServerResponse } from 'node:http';
import type { Person } from '../../src/ports/records.js';

/** One open tab listening for server-sent events. */
interface Listener {
  personaId: string;
  res: ServerResponse;
}

/**
 * Fans delivered messages out to every open tab whose persona can see the conversation. The
 * visibility check re-reads the person at publish time, so a role change applies at once.
 */
export class LiveHub {
  private readonly listeners = new Set<Listener>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly visible: (personaId: string, conversation: string) => boolean) {
    // Comments keep idle connections (and proxies) from timing out.
    this.heartbeat = setInterval(() => {
      for (const l of this.listeners) l.res.write(': ping\n\n');
    }, 15_000);
    this.heartbeat.unref();
  }

  subscribe(persona: Person, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    const l: Listener = { personaId: persona.id, res };
    this.listeners.add(l);
    res.on('close', () => this.listeners.delete(l));
  }

  publish(conversation: string, event: string, data: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const l of this.listeners) if (this.visible(l.personaId, conversation)) l.res.write(frame);
  }

  get size(): number {
    return this.listeners.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const l of this.listeners) l.res.end();
    this.listeners.clear();
  }
}
