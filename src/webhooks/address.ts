// Which addresses a webhook may reach: never this machine, the private network or cloud metadata, checked on the
// addresses a name resolves to, at registration and again at every connection (a name can change what it points at).
import { BlockList, isIP } from 'node:net'
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { promises as dns } from 'node:dns'

// Two lists: one BlockList holding both families matches every IPv4 address against ::ffff:0:0/96.
const blocked4 = new BlockList()
const blocked6 = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked4.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  // Unspecified, loopback, IPv4-mapped and -translated (they reach IPv4 hosts, private ones included), discard,
  // documentation, unique-local, link-local, site-local and multicast.
  ['::', 128], ['::1', 128], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32],
  ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked6.addSubnet(net, prefix, 'ipv6')

/** Whether an IP address is loopback, private, link-local (169.254.169.254 included) or otherwise not on the internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 0) return true
  // ::ffff:127.0.0.1 written the dotted way is still IPv4 inside; the list above catches every spelling of it too.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped) return true
  return family === 4 ? blocked4.check(address, 'ipv4') : blocked6.check(address, 'ipv6')
}

export class AddressRefused extends Error {
  override name = 'AddressRefused'
}

/** The URL's host without IPv6 brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '')

/**
 * Resolves a webhook URL's host and refuses it when any address it resolves to is not public. Returns the addresses.
 * @example await checkWebhookAddress(new URL('https://hooks.example.com/x'), false)
 */
export async function checkWebhookAddress(url: URL, allowPrivate: boolean): Promise<string[]> {
  const host = hostOf(url)
  let addresses: string[]
  if (isIP(host)) addresses = [host]
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address)
    } catch {
      throw new AddressRefused(`the name ${host} does not resolve`)
    }
  }
  if (!allowPrivate && (addresses.length === 0 || addresses.some(isPrivateAddress))) {
    throw new AddressRefused(`${host} is a loopback, private or link-local address`)
  }
  return addresses
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * A `lookup` for http.request that refuses private addresses as the connection is made: the check and the connection
 * use the same answer, so a name that resolves differently the second time (DNS rebinding) gains nothing.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, [])
      const list = addresses as LookupAddress[]
      const refused = list.find((a) => isPrivateAddress(a.address))
      if (!allowPrivate && (list.length === 0 || refused)) {
        return callback(Object.assign(new AddressRefused(`${hostname} resolves to a loopback, private or link-local address`), { code: 'EADDRREFUSED' }), [])
      }
      if ((options as { all?: boolean }).all) return callback(null, list)
      return callback(null, list[0]!.address, list[0]!.family)
    })
  }
}
