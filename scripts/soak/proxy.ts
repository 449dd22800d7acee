// A fault-injecting HTTP proxy in front of the real Worker: each request may be dropped before the
// server sees it, dropped after the server applied it (the answer lost on the way back), answered
// 500 or 429 without reaching the server, answered 500 after the server applied it, or delayed.
// Faults can be switched off (the final convergence) and are counted by kind.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Fault = "dropBefore" | "dropAfter" | "error500" | "error500After" | "tooMany429" | "delay";

export interface FaultRates {
  /** Chance per request of each fault; the rest pass untouched. */
  dropBefore: number;
  dropAfter: number;
  error500: number;
  error500After: number;
  tooMany429: number;
  delay: number;
  /** Upper bound of an injected delay, ms. */
  maxDelayMs: number;
}

export const DEFAULT_FAULTS: FaultRates = {
  dropBefore: 0.04,
  dropAfter: 0.04,
  error500: 0.03,
  error500After: 0.03,
  tooMany429: 0.03,
  delay: 0.1,
  maxDelayMs: 400,
};

export interface FaultProxy {
  origin: string;
  counts: Record<Fault | "passed", number>;
  /** Turns faults on or off (off: every request passes untouched). */
  setFaults(on: boolean): void;
  close(): Promise<void>;
}

/** Picks the fault for one request from `rates` with `random`, or null to pass it. */
export function pickFault(rates: FaultRates, random: () => number): Fault | null {
  let r = random();
  for (const fault of [
    "dropBefore",
    "dropAfter",
    "error500",
    "error500After",
    "tooMany429",
    "delay",
  ] as const) {
    if (r < rates[fault]) return fault;
    r -= rates[fault];
  }
  return null;
}

const envelope = (code: string, message: string) => JSON.stringify({ error: { code, message } });

export async function startFaultProxy(
  target: string,
  rates: FaultRates,
  random: () => number,
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let faultsOn = true;
  const counts: FaultProxy["counts"] = {
    passed: 0,
    dropBefore: 0,
    dropAfter: 0,
    error500: 0,
    error500After: 0,
    tooMany429: 0,
    delay: 0,
  };

  const server = http.createServer((req, res) => {
    const fault = faultsOn ? pickFault(rates, random) : null;
    counts[fault ?? "passed"] += 1;
    if (fault === "dropBefore") return void req.socket.destroy();
    if (fault === "error500" || fault === "tooMany429") {
      const status = fault === "error500" ? 500 : 429;
      const headers: http.OutgoingHttpHeaders = { "content-type": "application/json" };
      if (status === 429) headers["retry-after"] = "1";
      res.writeHead(status, headers);
      return void res.end(
        envelope(status === 500 ? "internal" : "rate_limited", "Injected by the soak proxy."),
      );
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const forward = () => {
        const up = http.request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: upstream.host },
            agent,
          },
          (upRes) => {
            const body: Buffer[] = [];
            upRes.on("data", (c: Buffer) => body.push(c));
            upRes.on("end", () => {
              // The server has applied the request by now; the answer may still be lost.
              if (fault === "dropAfter") return void req.socket.destroy();
              if (fault === "error500After") {
                res.writeHead(500, { "content-type": "application/json" });
                return void res.end(
                  envelope("internal", "Injected by the soak proxy after the server answered."),
                );
              }
              res.writeHead(upRes.statusCode ?? 502, upRes.headers);
              res.end(Buffer.concat(body));
            });
          },
        );
        up.on("error", () => req.socket.destroy());
        up.end(Buffer.concat(chunks));
      };
      if (fault === "delay") setTimeout(forward, Math.floor(random() * rates.maxDelayMs));
      else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    counts,
    setFaults: (on) => void (faultsOn = on),
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
