import { describe, expect, it } from "vitest";
import { type AddressClass, classifyAddress, isPublicAddress } from "../server/src/kernel/network-address";

// Which addresses a webhook may be delivered to; pure, no network.

const CASES: Record<AddressClass, string[]> = {
  public: ["8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0", "192.0.3.1", "198.20.0.1", "223.255.255.255", "2606:4700:4700::1111", "2a00:1450:4001:82a::200e", "::ffff:8.8.8.8", "::ffff:808:808"],
  unspecified: ["0.0.0.0", "0.1.2.3", "0.255.255.255", "::", "0:0:0:0:0:0:0:0", "::ffff:0.0.0.0"],
  loopback: ["127.0.0.1", "127.255.255.254", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::FFFF:7F00:1", "0:0:0:0:0:ffff:7f00:1"],
  private: ["10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.255", "fc00::1", "fd12:3456:789a::1", "::ffff:10.0.0.1", "::ffff:c0a8:101"],
  "link-local": ["169.254.169.254", "169.254.0.1", "fe80::1", "fe80::1%eth0", "febf:ffff::1", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe"],
  multicast: ["224.0.0.1", "239.255.255.250", "ff02::1", "ff0e::101", "::ffff:224.0.0.1"],
  reserved: [
    "192.0.0.8",
    "192.0.2.1",
    "198.18.0.1",
    "198.19.255.255",
    "198.51.100.7",
    "203.0.113.9",
    "240.0.0.1",
    "255.255.255.255",
    "192.88.99.1",
    "2001:db8::1",
    "2001:db8:ffff::1",
    "64:ff9b::7f00:1",
    "64:ff9b::8.8.8.8",
    "64:ff9b:1::1",
    "2001:0:4136:e378::1",
    "2002:7f00:1::1",
    "100::1",
    "3fff::1",
    "::ffff:0:7f00:1", // SIIT's IPv4-translated form, not a mapped address
    "::127.0.0.1", // the deprecated IPv4-compatible form
    "fec0::1", // deprecated site-local
    "::ffff:192.0.2.1",
  ],
};

describe("classifyAddress", () => {
  for (const [kind, addresses] of Object.entries(CASES)) {
    it(`finds ${kind} addresses`, () => {
      for (const address of addresses) expect([address, classifyAddress(address)]).toEqual([address, kind]);
    });
  }

  it("calls only public addresses public", () => {
    for (const [kind, addresses] of Object.entries(CASES)) {
      for (const address of addresses) expect([address, isPublicAddress(address)]).toEqual([address, kind === "public"]);
    }
  });

  it("refuses what is not an IP address, host names included", () => {
    for (const text of ["", "localhost", "example.com", "1.2.3", "256.0.0.1", "01.2.3.4", "[::1]", "::1::", "127.0.0.1:80", " 127.0.0.1", "0x7f000001", "2130706433"]) {
      expect(() => classifyAddress(text), text).toThrow(/not an IP address/);
    }
  });
});
