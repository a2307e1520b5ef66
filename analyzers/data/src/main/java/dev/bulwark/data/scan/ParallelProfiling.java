package dev.bulwark.data.scan;

import dev.bulwark.data.detect.ColumnProfiler;
import dev.bulwark.data.detect.TextDetector;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Profiles batches of rows on a few worker threads, each with its own {@link ColumnProfiler}, merged at the
 * end. The queue is bounded, so the reader blocks instead of buffering a big file in memory.
 */
final class ParallelProfiling {

  private record Batch(List<String> columns, List<String[]> rows, long firstRow) {}

  private static final Batch END = new Batch(List.of(), List.of(), -1);

  private final BlockingQueue<Batch> queue;
  private final ExecutorService pool;
  private final List<Future<ColumnProfiler>> results = new ArrayList<>();
  private final int threads;

  ParallelProfiling(TextDetector detector, int threads) {
    this.threads = threads;
    this.queue = new ArrayBlockingQueue<>(threads * 4);
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bulwark-pii-profiler");
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < threads; i++) {
      results.add(pool.submit(() -> {
        ColumnProfiler p = new ColumnProfiler(detector);
        while (true) {
          Batch b = queue.take();
          if (b == END) {
            return p;
          }
          long row = b.firstRow();
          for (String[] r : b.rows()) {
            p.add(b.columns(), r, row++);
          }
        }
      }));
    }
  }

  void submit(List<String> columns, List<String[]> rows, long firstRow) throws IOException {
    try {
      Batch b = new Batch(columns, rows, firstRow);
      while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        // a worker that died would leave the queue full forever: surface its failure instead
        for (Future<ColumnProfiler> f : results) {
          if (f.isDone()) {
            pool.shutdownNow();
            try {
              f.get();
            } catch (ExecutionException e) {
              if (e.getCause() instanceof RuntimeException r) {
                throw r;
              }
              throw new IllegalStateException("profiling failed: " + e.getCause(), e.getCause());
            }
            throw new IllegalStateException("a profiling worker stopped early");
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort();
      throw new InterruptedIOException("interrupted while scanning");
    }
  }

  void finishInto(ColumnProfiler target) throws IOException {
    try {
      for (int i = 0; i < threads; i++) {
        queue.put(END);
      }
      for (Future<ColumnProfiler> f : results) {
        target.merge(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while scanning");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("profiling failed: " + c, c);
    } finally {
      pool.shutdownNow();
    }
  }

  void abort() {
    pool.shutdownNow();
  }
}
