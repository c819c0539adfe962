import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { checkWebhookUrl, sendWebhook, type SendPolicy } from "../server/src/modules/webhook/webhook-sender";

// One delivery attempt against receivers on this machine only: nothing here leaves it, and no
// name is looked up but "localhost".

// To see a checked lookup let a connection through, one test has loopback pass for public: the
// only name these tests may resolve is localhost.
const pretend = vi.hoisted(() => ({ loopbackIsPublic: false }));
vi.mock("../server/src/kernel/network-address", async (importOriginal) => {
  const real = await importOriginal<typeof import("../server/src/kernel/network-address")>();
  const classifyAddress = (address: string): ReturnType<typeof real.classifyAddress> => {
    const kind = real.classifyAddress(address);
    return pretend.loopbackIsPublic && kind === "loopback" ? "public" : kind;
  };
  return { ...real, classifyAddress, isPublicAddress: (address: string) => classifyAddress(address) === "public" };
});

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  server: http.Server;
  port: number;
  connections: number;
  received: Received[];
}

const HEADERS = { "webhook-id": "msg_1", "webhook-timestamp": "1700000000", "webhook-signature": "v1,c2lnbmF0dXJl", "content-type": "application/json" };
const BODY = JSON.stringify({ type: "report.published", data: { title: "목표주가 상향" } });

const DEVELOPMENT: SendPolicy = { production: false, allowedHosts: new Set(), timeoutMs: 5_000 };
const PRODUCTION: SendPolicy = { production: true, allowedHosts: new Set(), timeoutMs: 5_000 };

function handle(receiver: Receiver, req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    receiver.received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    switch (new URL(req.url ?? "/", "http://receiver").pathname) {
      case "/ok":
        res.writeHead(204).end();
        break;
      case "/fail":
        res.writeHead(500, { "content-type": "text/plain", "x-trace": "abc" }).end("the receiver broke");
        break;
      case "/moved":
        res.writeHead(301, { location: `http://127.0.0.1:${receiver.port}/ok` }).end();
        break;
      case "/slow":
        break; // never answers
      case "/slow-body":
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("started");
        break; // and never ends
      case "/huge":
        res.writeHead(200, { "content-type": "text/plain" });
        // Far more than the sender reads; it must stop reading and hang up, not wait for all of it.
        for (let i = 0; i < 64; i++) res.write("한".repeat(10_000));
        res.end();
        break;
      case "/nul":
        res.writeHead(200).end("a\u0000b");
        break;
      default:
        res.writeHead(404).end();
    }
  });
}

async function listen(host: string): Promise<Receiver | null> {
  const receiver: Receiver = { server: http.createServer(), port: 0, connections: 0, received: [] };
  receiver.server.on("request", (req, res) => handle(receiver, req, res));
  receiver.server.on("connection", () => receiver.connections++);
  try {
    await new Promise<void>((resolve, reject) => {
      receiver.server.once("error", reject);
      receiver.server.listen(0, host, resolve);
    });
  } catch {
    return null; // no IPv6 loopback on this machine
  }
  receiver.port = (receiver.server.address() as AddressInfo).port;
  return receiver;
}

let v4: Receiver;
let v6: Receiver | null;

beforeAll(async () => {
  v4 = (await listen("127.0.0.1"))!;
  v6 = await listen("::1");
});

afterAll(async () => {
  for (const receiver of [v4, v6]) {
    if (!receiver) continue;
    receiver.server.closeAllConnections();
    await new Promise((resolve) => receiver.server.close(resolve));
  }
});

beforeEach(() => {
  for (const receiver of [v4, v6]) {
    if (!receiver) continue;
    receiver.connections = 0;
    receiver.received = [];
  }
});

const local = (path: string): string => `http://127.0.0.1:${v4.port}${path}`;

describe("sendWebhook, development", () => {
  it("POSTs the body with the headers and reports the status and head", async () => {
    const outcome = await sendWebhook(local("/ok?x=1"), HEADERS, BODY, DEVELOPMENT);
    expect(outcome).toMatchObject({ statusCode: 204, error: null });
    expect(outcome.responseHead).toMatch(/^HTTP\/1\.1 204 No Content\r\n/);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    expect(v4.received).toHaveLength(1);
    const [request] = v4.received;
    expect(request).toMatchObject({ method: "POST", url: "/ok?x=1", body: BODY });
    expect(request!.headers).toMatchObject({ ...HEADERS, "content-length": String(Buffer.byteLength(BODY)) });
    expect(request!.headers["user-agent"]).toMatch(/^ResearchDesk-Webhooks\//);
  });

  it("reports a 500 with its status line, headers and body", async () => {
    const outcome = await sendWebhook(local("/fail"), HEADERS, BODY, DEVELOPMENT);
    expect(outcome).toMatchObject({ statusCode: 500, error: null });
    expect(outcome.responseHead).toMatch(/^HTTP\/1\.1 500 Internal Server Error\r\n/);
    expect(outcome.responseHead).toContain("x-trace: abc\r\n");
    expect(outcome.responseHead).toMatch(/\r\n\r\nthe receiver broke$/);
  });

  it("does not follow a redirect", async () => {
    const outcome = await sendWebhook(local("/moved"), HEADERS, BODY, DEVELOPMENT);
    expect(outcome).toMatchObject({ statusCode: 301, error: null });
    expect(outcome.responseHead).toContain(`location: http://127.0.0.1:${v4.port}/ok`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(v4.received.map((r) => r.url)).toEqual(["/moved"]);
  });

  it("gives up on a receiver that does not answer in time", async () => {
    const outcome = await sendWebhook(local("/slow"), HEADERS, BODY, { ...DEVELOPMENT, timeoutMs: 300 });
    expect(outcome).toMatchObject({ statusCode: null, responseHead: null, error: "timed out after 0.3 s" });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(290);
    expect(outcome.durationMs).toBeLessThan(2_000);
  });

  it("keeps the status of a receiver that answered but is slow to finish the body", async () => {
    const outcome = await sendWebhook(local("/slow-body"), HEADERS, BODY, { ...DEVELOPMENT, timeoutMs: 300 });
    expect(outcome).toMatchObject({ statusCode: 200, error: null });
    expect(outcome.responseHead).toMatch(/\r\n\r\nstarted$/);
  });

  it("reads at most 4 KB of the response, cut between characters, then hangs up", async () => {
    const outcome = await sendWebhook(local("/huge"), HEADERS, BODY, DEVELOPMENT);
    expect(outcome).toMatchObject({ statusCode: 200, error: null });
    const head = outcome.responseHead!;
    expect(Buffer.byteLength(head)).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(head)).toBeGreaterThan(4090);
    expect(head).toMatch(/\r\n\r\n(한)+$/);
  });

  it("leaves no NUL in the head, which a text column would refuse", async () => {
    const outcome = await sendWebhook(local("/nul"), HEADERS, BODY, DEVELOPMENT);
    expect(outcome.responseHead).toMatch(/\r\n\r\na\ufffdb$/);
  });

  it("reports a refused connection without a status", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await sendWebhook(`http://127.0.0.1:${port}/`, HEADERS, BODY, DEVELOPMENT);
    expect(outcome).toMatchObject({ statusCode: null, responseHead: null, error: "connection refused" });
  });

  it("reports a header it cannot send instead of throwing", async () => {
    const outcome = await sendWebhook(local("/ok"), { ...HEADERS, "webhook-id": "msg_1\r\nx-injected: 1" }, BODY, DEVELOPMENT);
    expect(outcome.statusCode).toBeNull();
    expect(outcome.error).toMatch(/ERR_INVALID_CHAR/);
    expect(v4.connections).toBe(0);
  });

  it("reaches localhost and other local addresses", async () => {
    expect((await sendWebhook(`http://localhost:${v4.port}/ok`, HEADERS, BODY, DEVELOPMENT)).statusCode).toBe(204);
    if (v6) expect((await sendWebhook(`http://[::1]:${v6.port}/ok`, HEADERS, BODY, DEVELOPMENT)).statusCode).toBe(204);
  });
});

describe("sendWebhook, production", () => {
  it("refuses http before connecting", async () => {
    const outcome = await sendWebhook(local("/ok"), HEADERS, BODY, PRODUCTION);
    expect(outcome).toMatchObject({ statusCode: null, responseHead: null, error: "refused: the URL must use https" });
    expect(v4.connections).toBe(0);
  });

  it("refuses loopback addresses, named or literal, before connecting", async () => {
    const urls = [`https://localhost:${v4.port}/ok`, `https://127.0.0.1:${v4.port}/ok`, `https://[::1]:${v6?.port ?? v4.port}/ok`, `https://[::ffff:7f00:1]:${v4.port}/ok`];
    for (const url of urls) {
      const outcome = await sendWebhook(url, HEADERS, BODY, PRODUCTION);
      expect(outcome, url).toMatchObject({ statusCode: null, responseHead: null });
      expect(outcome.error, url).toMatch(/^refused: (127\.0\.0\.1|::1|::ffff:7f00:1) is a loopback address$/);
    }
    // Allowing another host changes nothing for these.
    const outcome = await sendWebhook(`https://localhost:${v4.port}/ok`, HEADERS, BODY, { ...PRODUCTION, allowedHosts: new Set(["hooks.internal"]) });
    expect(outcome.error).toMatch(/^refused: /);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(v4.connections).toBe(0);
    expect(v6?.connections ?? 0).toBe(0);
  });

  it("refuses the other non-public addresses too", async () => {
    const cases: Record<string, string> = {
      "https://0.0.0.0/": "refused: 0.0.0.0 is an unspecified address",
      "https://[::]/": "refused: :: is an unspecified address",
      "https://10.1.2.3/": "refused: 10.1.2.3 is a private address",
      "https://169.254.169.254/latest/meta-data": "refused: 169.254.169.254 is a link-local address",
      "https://[fe80::1]/": "refused: fe80::1 is a link-local address",
      "https://224.0.0.1/": "refused: 224.0.0.1 is a multicast address",
      "https://192.0.2.1/": "refused: 192.0.2.1 is a reserved address",
      // WHATWG URL reads these as IPv4 addresses, and so does the check.
      "https://2130706433/": "refused: 127.0.0.1 is a loopback address",
      "https://0x7f.1/": "refused: 127.0.0.1 is a loopback address",
    };
    for (const [url, error] of Object.entries(cases)) {
      expect((await sendWebhook(url, HEADERS, BODY, PRODUCTION)).error, url).toBe(error);
    }
  });

  it("connects to the addresses a checked lookup passed, with and without happy eyeballs", async () => {
    const autoSelectFamily = net.getDefaultAutoSelectFamily();
    pretend.loopbackIsPublic = true;
    try {
      // Node's connect asks the lookup for every address (`all`) when it may try both families, else for one.
      for (const autoSelect of [true, false]) {
        net.setDefaultAutoSelectFamily(autoSelect);
        const before = v4.connections + (v6?.connections ?? 0);
        const outcome = await sendWebhook(`https://localhost:${v4.port}/ok`, HEADERS, BODY, PRODUCTION);
        expect(outcome.statusCode).toBeNull();
        expect(outcome.error).not.toMatch(/^refused/);
        expect(v4.connections + (v6?.connections ?? 0)).toBe(before + 1);
      }
    } finally {
      pretend.loopbackIsPublic = false;
      net.setDefaultAutoSelectFamily(autoSelectFamily);
    }
  });

  it("lets allowed hosts through the address rule (then TLS fails against a plain HTTP receiver)", async () => {
    const policy: SendPolicy = { ...PRODUCTION, allowedHosts: new Set(["localhost", "127.0.0.1", "::1"]) };
    const urls = [`https://localhost:${v4.port}/ok`, `https://127.0.0.1:${v4.port}/ok`, ...(v6 ? [`https://[::1]:${v6.port}/ok`] : [])];
    for (const url of urls) {
      const before = v4.connections + (v6?.connections ?? 0);
      const outcome = await sendWebhook(url, HEADERS, BODY, policy);
      expect(outcome.statusCode, url).toBeNull();
      expect(outcome.error, url).toBeTruthy();
      expect(outcome.error, url).not.toMatch(/^refused/);
      expect(outcome.error, url).toMatch(/^(TLS handshake failed \(wrong version number\)|connection reset)$/);
      expect(v4.connections + (v6?.connections ?? 0), url).toBe(before + 1);
    }
    // The plain HTTP receiver never saw a request it could read.
    expect(v4.received).toEqual([]);
  });
});

describe("checkWebhookUrl", () => {
  const dev = { production: false };
  const prod = { production: true };

  it("accepts http(s) URLs, https only in production", () => {
    expect(checkWebhookUrl("https://hooks.example.com/research-desk?key=1", prod)).toBeNull();
    expect(checkWebhookUrl("https://hooks.example.com:8443/x", prod)).toBeNull();
    expect(checkWebhookUrl("https://[2001:4860:4860::8888]/x", prod)).toBeNull();
    expect(checkWebhookUrl("http://hooks.example.com/x", dev)).toBeNull();
    expect(checkWebhookUrl("http://localhost:3000/x", dev)).toBeNull();
    expect(checkWebhookUrl("http://hooks.example.com/x", prod)?.message).toBe("the URL must use https");
  });

  it("refuses other schemes, malformed URLs, credentials and fragments", () => {
    for (const policy of [dev, prod]) {
      const scheme = policy.production ? "the URL must use https" : "the URL must use http or https";
      expect(checkWebhookUrl("ftp://hooks.example.com/x", policy)?.message).toBe(scheme);
      expect(checkWebhookUrl("file:///etc/passwd", policy)?.message).toBe(scheme);
      expect(checkWebhookUrl("javascript:alert(1)", policy)?.message).toBe(scheme);
      for (const url of ["", "hooks.example.com/x", "https://", "https://exa mple.com/", " https://hooks.example.com/", "https://hooks.example.com/\n", "https://hooks.example.com:99999/"]) {
        expect(checkWebhookUrl(url, policy)?.message, JSON.stringify(url)).toBe("not a valid URL");
      }
      expect(checkWebhookUrl("https://user:secret@hooks.example.com/", policy)?.message).toBe("the URL must not contain a user name or password");
      expect(checkWebhookUrl("https://user@hooks.example.com/", policy)?.message).toBe("the URL must not contain a user name or password");
      expect(checkWebhookUrl("https://hooks.example.com/x#part", policy)?.message).toBe("the URL must not contain a fragment (#…)");
      expect(checkWebhookUrl(`https://hooks.example.com/${"a".repeat(2000)}`, policy)?.message).toBe("the URL must be at most 2000 characters");
    }
  });
});
