package dev.kiln.nn.ops;

import dev.ludovic.netlib.blas.BLAS;

/** Which implementation of {@code dev.ludovic.netlib:blas} runs kiln's matrix products. */
public enum BlasBackend {
  /** A native library (Debian's OpenBLAS through {@code libblas.so.3}) called over JNI. */
  NATIVE,
  /** The Java Vector API ({@code jdk.incubator.vector}), about a third of native speed. */
  VECTOR,
  /** Plain Java loops: correct but an order of magnitude slower; never chosen silently. */
  JAVA;

  /** The backend behind {@code blas}, told apart by the class netlib picked. */
  static BlasBackend of(BLAS blas) {
    String name = blas.getClass().getSimpleName();
    if (name.contains("JNI") || name.contains("Native")) {
      return NATIVE;
    }
    if (name.contains("Vector")) {
      return VECTOR;
    }
    return JAVA;
  }
}
