package dev.kiln.nn.ops;

/**
 * MurmurHash3 (x86, 128-bit variant) of one 64-bit key, as Thinc's {@code ops.hash} computes
 * it for {@code HashEmbed}: four 32-bit hashes of the key's eight little-endian bytes.
 */
public final class MurmurHash {
  private static final int C1 = 0x239b961b;
  private static final int C2 = 0xab0e9789;
  private static final int C3 = 0x38b34ae5;

  private MurmurHash() {}

  /** Writes the four 32-bit words of the hash of {@code key} with {@code seed} to {@code out}. */
  public static void hash128(long key, int seed, int[] out, int offset) {
    int h1 = seed;
    int h2 = seed;
    int h3 = seed;
    int h4 = seed;
    // Eight bytes: no full 16-byte block, a tail of two 4-byte words.
    int k2 = (int) (key >>> 32);
    k2 *= C2;
    k2 = Integer.rotateLeft(k2, 16);
    k2 *= C3;
    h2 ^= k2;
    int k1 = (int) key;
    k1 *= C1;
    k1 = Integer.rotateLeft(k1, 15);
    k1 *= C2;
    h1 ^= k1;
    h1 ^= 8;
    h2 ^= 8;
    h3 ^= 8;
    h4 ^= 8;
    h1 += h2 + h3 + h4;
    h2 += h1;
    h3 += h1;
    h4 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h3 = fmix(h3);
    h4 = fmix(h4);
    h1 += h2 + h3 + h4;
    h2 += h1;
    h3 += h1;
    h4 += h1;
    out[offset] = h1;
    out[offset + 1] = h2;
    out[offset + 2] = h3;
    out[offset + 3] = h4;
  }

  private static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
