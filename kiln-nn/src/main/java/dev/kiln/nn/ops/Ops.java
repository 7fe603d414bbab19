package dev.kiln.nn.ops;

import dev.kiln.nn.array.Floats;
import dev.ludovic.netlib.blas.BLAS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kiln's CPU engine: matrix products through BLAS, run on the one {@link WorkPool}.
 *
 * <p>Arrays are row-major; netlib's BLAS is column-major, so a row-major product
 * {@code C = A·B} is computed as the column-major {@code Cᵀ = Bᵀ·Aᵀ}. Large products are split
 * into row (or column) blocks, one per pool thread, each a single-threaded BLAS call, which
 * needs {@code OPENBLAS_NUM_THREADS=1} (the launcher and the {@code bench/} scripts set it);
 * without it, {@link #get()} leaves the threading to OpenBLAS.
 *
 * <p>Element-wise kernels live in {@link Kernels}; sequence operations in {@link SequenceOps}.
 */
public final class Ops {
  private static final Logger LOG = LoggerFactory.getLogger(Ops.class);
  /** Below this many multiply-adds a product runs on the calling thread alone. */
  private static final long PARALLEL_GEMM_WORK = 1L << 18;

  private static volatile Ops defaultOps;

  private final BLAS blas;
  private final BlasBackend backend;
  private final WorkPool pool;

  /** Held so that the level set on it is not lost when java.util.logging drops weak references. */
  private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

  /** Ops on {@code blas} with a pool of {@code threads} threads (caller included). */
  public Ops(BLAS blas, int threads) {
    this.blas = blas;
    this.backend = BlasBackend.of(blas);
    this.pool = new WorkPool(threads);
  }

  /**
   * The process-wide ops, created on first use: netlib's best BLAS and a pool of one thread per
   * core, unless native OpenBLAS runs its own threads (OPENBLAS_NUM_THREADS unset or above 1):
   * then kiln's pool is the caller alone, so the two pools never compete for the cores. The
   * system property {@code kiln.threads} overrides. Logs the choice once.
   */
  public static Ops get() {
    Ops ops = defaultOps;
    if (ops == null) {
      synchronized (Ops.class) {
        ops = defaultOps;
        if (ops == null) {
          // netlib reports through java.util.logging every backend it could not load (the
          // Vector API is skipped when native OpenBLAS is there); kiln logs the one it uses.
          NETLIB_LOG.setLevel(java.util.logging.Level.SEVERE);
          BLAS blas = BLAS.getInstance();
          boolean blasThreaded = BlasBackend.of(blas) == BlasBackend.NATIVE
              && !"1".equals(System.getenv("OPENBLAS_NUM_THREADS"));
          int cores = Runtime.getRuntime().availableProcessors();
          ops = new Ops(blas, Integer.getInteger("kiln.threads", blasThreaded ? 1 : cores));
          ops.logStartup(blasThreaded);
          defaultOps = ops;
        }
      }
    }
    return ops;
  }

  private void logStartup(boolean blasThreaded) {
    String message = "BLAS backend: " + backend + " (" + blas.getClass().getName()
        + "), kiln threads: " + pool.threads() + ", OPENBLAS_NUM_THREADS="
        + System.getenv("OPENBLAS_NUM_THREADS");
    if (backend == BlasBackend.JAVA) {
      LOG.warn(message + ": neither native BLAS nor the Vector API is available; matrix "
          + "products will be slow. Install libopenblas0-pthread or run with "
          + "--add-modules jdk.incubator.vector.");
    } else {
      LOG.info(message);
    }
    if (blasThreaded && pool.threads() > 1) {
      LOG.warn("OpenBLAS runs its own threads beside kiln's " + pool.threads() + ": they will "
          + "compete for the cores. Set OPENBLAS_NUM_THREADS=1.");
    } else if (blasThreaded) {
      LOG.info("OpenBLAS runs its own threads, so kiln's element-wise work stays on one thread;"
          + " OPENBLAS_NUM_THREADS=1 lets kiln's pool use every core (faster here).");
    }
  }

  public BlasBackend backend() {
    return backend;
  }

  public WorkPool pool() {
    return pool;
  }

  /**
   * Row-major {@code C = alpha·op(A)·op(B) + beta·C} with {@code op(A)} of shape m×k and
   * {@code op(B)} k×n, on arrays starting at the given offsets; {@code transA} means A is stored
   * k×m (so op(A) = Aᵀ), likewise for B. Large products run on the pool.
   */
  public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, float[] b, int bOff, float beta, float[] c, int cOff) {
    if (m == 0 || n == 0) {
      return;
    }
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    long work = (long) m * n * k;
    if (work < PARALLEL_GEMM_WORK || pool.threads() == 1) {
      gemmBlock(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, n);
    } else if (m >= n) {
      pool.parallelFor(m, 8, (from, to) -> gemmBlock(transA, transB, to - from, n, k, alpha,
          a, aOff + (transA ? from : from * lda), lda, b, bOff, ldb, beta, c, cOff + from * n, n));
    } else {
      pool.parallelFor(n, 8, (from, to) -> gemmBlock(transA, transB, m, to - from, k, alpha,
          a, aOff, lda, b, bOff + (transB ? from * ldb : from), ldb, beta, c, cOff + from, n));
    }
  }

  private void gemmBlock(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
      float[] c, int cOff, int ldc) {
    if (k == 0) {
      Kernels.scale(c, cOff, ldc, m, n, beta);
      return;
    }
    blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, bOff, ldb,
        a, aOff, lda, beta, c, cOff, ldc);
  }

  /**
   * Row-major {@code out = op(a)·op(b) + beta·out} for 2-d arrays; returns {@code out}.
   *
   * @throws IllegalArgumentException if the shapes do not fit
   */
  public Floats gemm(Floats a, boolean transA, Floats b, boolean transB, Floats out, float beta) {
    int m = transA ? a.cols() : a.rows();
    int k = transA ? a.rows() : a.cols();
    int kb = transB ? b.cols() : b.rows();
    int n = transB ? b.rows() : b.cols();
    if (k != kb || out.rows() != m || out.cols() != n) {
      throw new IllegalArgumentException("gemm shapes do not fit: " + a + (transA ? "ᵀ" : "")
          + " · " + b + (transB ? "ᵀ" : "") + " -> " + out);
    }
    gemm(transA, transB, m, n, k, 1f, a.data(), 0, b.data(), 0, beta, out.data(), 0);
    return out;
  }

  /** A new row-major {@code op(a)·op(b)} of 2-d arrays. */
  public Floats gemm(Floats a, boolean transA, Floats b, boolean transB) {
    int m = transA ? a.cols() : a.rows();
    int n = transB ? b.rows() : b.cols();
    return gemm(a, transA, b, transB, Floats.zeros(m, n), 0f);
  }
}
