import { BlockList, isIP } from "node:net";

/**
 * What kind of address an IP is, for deciding whether the server may connect to it on a
 * customer's behalf (webhooks): only "public" addresses are reachable by anyone on the internet;
 * everything else reaches this machine, its network or nothing useful.
 */
export type AddressClass = "public" | "loopback" | "private" | "link-local" | "unspecified" | "multicast" | "reserved";

type Rule = readonly [network: string, prefix: number, kind: Exclude<AddressClass, "public">];

// In the order they are checked; the first match wins.
const IPV4_RULES: readonly Rule[] = [
  ["0.0.0.0", 8, "unspecified"], // "this network"; 0.0.0.0 itself reaches the local host on Linux
  ["127.0.0.0", 8, "loopback"],
  ["10.0.0.0", 8, "private"],
  ["172.16.0.0", 12, "private"],
  ["192.168.0.0", 16, "private"],
  ["100.64.0.0", 10, "private"], // carrier-grade NAT: some provider's internal network
  ["169.254.0.0", 16, "link-local"], // also where cloud metadata services answer
  ["224.0.0.0", 4, "multicast"],
  ["192.0.0.0", 24, "reserved"], // IETF protocol assignments
  ["192.0.2.0", 24, "reserved"], // TEST-NET-1
  ["192.88.99.0", 24, "reserved"], // the deprecated 6to4 relay anycast
  ["198.18.0.0", 15, "reserved"], // benchmarking
  ["198.51.100.0", 24, "reserved"], // TEST-NET-2
  ["203.0.113.0", 24, "reserved"], // TEST-NET-3
  ["240.0.0.0", 4, "reserved"], // includes the limited broadcast 255.255.255.255
];

const IPV6_RULES: readonly Rule[] = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["fc00::", 7, "private"], // unique local addresses
  ["fe80::", 10, "link-local"],
  ["ff00::", 8, "multicast"],
  // Prefixes that embed an IPv4 address or lead to a translator: the embedded address could be
  // anything, so none of them is treated as public.
  ["64:ff9b::", 96, "reserved"], // NAT64
  ["64:ff9b:1::", 48, "reserved"], // local-use NAT64
  ["2001::", 32, "reserved"], // Teredo
  ["2002::", 16, "reserved"], // 6to4
  ["100::", 64, "reserved"], // discard-only
  ["2001:2::", 48, "reserved"], // benchmarking
  ["2001:db8::", 32, "reserved"], // documentation
  ["3fff::", 20, "reserved"], // documentation (RFC 9637)
];

function blockLists(rules: readonly Rule[], type: "ipv4" | "ipv6"): ReadonlyArray<readonly [BlockList, Rule[2]]> {
  return rules.map(([network, prefix, kind]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, type);
    return [list, kind] as const;
  });
}

const IPV4 = blockLists(IPV4_RULES, "ipv4");
const IPV6 = blockLists(IPV6_RULES, "ipv6");

// Every global unicast address IANA hands out lies in 2000::/3; the rest of the space is either
// named above or unassigned (IPv4-compatible ::/96, deprecated site-local fec0::/10, ...).
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet("2000::", 3, "ipv6");

/** The eight 16-bit groups of a valid IPv6 address without its zone. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string): number[] => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const start = parse(head);
  if (tail === undefined) return start;
  const end = parse(tail);
  return [...start, ...new Array<number>(8 - start.length - end.length).fill(0), ...end];
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d, also written ::ffff:xxxx:xxxx), or null. */
function mappedIpv4(address: string): string | null {
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).some((group) => group !== 0) || groups[5] !== 0xffff) return null;
  const [high, low] = [groups[6]!, groups[7]!];
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/** Throws a plain Error for a string that is not an IPv4 or IPv6 address (host names included). */
export function classifyAddress(address: string): AddressClass {
  const version = isIP(address);
  if (version === 4) return IPV4.find(([list]) => list.check(address, "ipv4"))?.[1] ?? "public";
  if (version !== 6) throw new Error(`not an IP address: ${JSON.stringify(address)}`);
  // A zone (fe80::1%eth0) only says which interface; the address decides.
  const bare = address.replace(/%.*$/, "");
  // Connecting to a mapped address connects to the IPv4 address inside it.
  const ipv4 = mappedIpv4(bare);
  if (ipv4 !== null) return classifyAddress(ipv4);
  const named = IPV6.find(([list]) => list.check(bare, "ipv6"))?.[1];
  if (named) return named;
  return GLOBAL_UNICAST.check(bare, "ipv6") ? "public" : "reserved";
}

export const isPublicAddress = (address: string): boolean => classifyAddress(address) === "public";
