package dev.kiln.nn.ops;

/**
 * The hash Thinc's {@code ops.hash} computes for {@code HashEmbed}: MurmurHash3's 128-bit
 * x64 variant of one 64-bit key (its eight bytes as the tail, no full block), returned as four
 * 32-bit words, low word first.
 */
public final class MurmurHash {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private MurmurHash() {}

  /** Writes the four 32-bit words of the hash of {@code key} with {@code seed} to {@code out}. */
  public static void hash128(long key, int seed, int[] out, int offset) {
    long unsignedSeed = Integer.toUnsignedLong(seed);
    long h1 = Long.rotateLeft(key * C1, 31) * C2;
    h1 ^= unsignedSeed ^ 8;
    long h2 = unsignedSeed ^ 8;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    out[offset] = (int) h1;
    out[offset + 1] = (int) (h1 >>> 32);
    out[offset + 2] = (int) h2;
    out[offset + 3] = (int) (h2 >>> 32);
  }

  private static long fmix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
