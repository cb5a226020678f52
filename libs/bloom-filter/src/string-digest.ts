/**
 * The hash of both Bloom filters: two 32-bit hashes (for Kirsch-Mitzenmacher double hashing,
 * or block and bits), the lanes of cyrb53 (a public domain string hash by bryc), each mixed
 * with the other at the end. Not a cryptographic hash: crafted collisions only send more ids
 * to a store look-up.
 */
export function digest(element: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < element.length; i++) {
    const code = element.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // An odd step visits distinct bits for every probe count below the (even) layer size.
  return [h1 >>> 0, (h2 | 1) >>> 0];
}
