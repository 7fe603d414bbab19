/**
 * kiln's CPU engine: {@link dev.kiln.nn.ops.Ops} runs matrix products through
 * {@code dev.ludovic.netlib:blas} (native OpenBLAS when installed) on one
 * {@link dev.kiln.nn.ops.WorkPool}; {@link dev.kiln.nn.ops.Kernels} holds the element-wise
 * kernels and {@link dev.kiln.nn.ops.SequenceOps} the ragged-sequence operations.
 *
 * <p>Threads: kiln's pool has one thread per core and splits large products into
 * single-threaded BLAS calls, so OpenBLAS must run with {@code OPENBLAS_NUM_THREADS=1};
 * two pools spinning on the same cores is what makes PyTorch slow here.
 */
package dev.kiln.nn.ops;
