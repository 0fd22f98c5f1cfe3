/**
 * The tokens a run has seen, for rewind detection, in bounded memory: each token is kept as a 64-bit
 * hash (two independent 32-bit string hashes) with the page that returned it, in one open-addressing
 * table of 12 bytes a slot (at most 24 bytes a token, whatever the token's length; 1M pages take 24 MB
 * of ArrayBuffer and no JS heap). Two different tokens share a hash with probability about n²/2⁶⁵
 * (3·10⁻⁸ over a million pages), which would report a rewind that did not happen; nothing is ever missed.
 */
export class TokenSet {
  /** [hashA, hashB, page + 1] per slot; page + 1 === 0 marks an empty slot. */
  private table = new Uint32Array(3 * 16);
  private mask = 15;
  private size = 0;

  /** The page that returned `token` (0: the starting token), or undefined if it was not seen. */
  get(token: string): number | undefined {
    const a = hashA(token);
    const b = hashB(token);
    const t = this.table;
    for (let i = (a ^ b) & this.mask; ; i = (i + 1) & this.mask) {
      const page = t[3 * i + 2] as number;
      if (page === 0) return undefined;
      if (t[3 * i] === a && t[3 * i + 1] === b) return page - 1;
    }
  }

  /** Records `token` as returned by `page` (kept when already present: the first sighting counts). */
  add(token: string, page: number): void {
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) this.grow();
    this.insert(hashA(token), hashB(token), page + 1);
  }

  private insert(a: number, b: number, pagePlusOne: number): void {
    const t = this.table;
    for (let i = (a ^ b) & this.mask; ; i = (i + 1) & this.mask) {
      const page = t[3 * i + 2] as number;
      if (page === 0) {
        t[3 * i] = a;
        t[3 * i + 1] = b;
        t[3 * i + 2] = pagePlusOne;
        this.size++;
        return;
      }
      if (t[3 * i] === a && t[3 * i + 1] === b) return;
    }
  }

  private grow(): void {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Uint32Array(3 * (this.mask + 1));
    this.size = 0;
    for (let i = 0; i < old.length; i += 3) {
      const page = old[i + 2] as number;
      if (page !== 0) this.insert(old[i] as number, old[i + 1] as number, page);
    }
  }
}

/** FNV-1a over UTF-16 code units. */
function hashA(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A multiply-rotate hash with MurmurHash3's constants and finaliser, independent of FNV-1a. */
function hashB(s: string): number {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    let k = Math.imul(s.charCodeAt(i), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
