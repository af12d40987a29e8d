package dev.preflyte.samples.sql.parquet;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Rows for a {@link ParquetWriter} that a thread of its own encodes and writes, a batch of rows at a
 * time, while the caller reads the next ones: a query's rows come from the database one native
 * call per cell, and encoding them was a quarter of the copy's time on the same thread. Memory stays
 * bounded: three batches of {@value #BATCH_ROWS} rows circulate, and the caller waits for a free one.
 *
 * <p>A failure of the writing thread (an {@link IOException}, or a setter refusing a value) is
 * thrown to the caller at its next {@link #endRow} that hands over a batch, or at {@link #finish};
 * {@link #close} always stops the thread before returning, so the writer can then be closed.
 */
public final class ParquetPipeline implements ParquetRows, AutoCloseable {

  static final int BATCH_ROWS = 4096;
  private static final int BATCHES = 3;

  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte DOUBLE = 2;
  private static final byte BOOLEAN = 3;
  private static final byte DATE = 4;
  private static final byte DECIMAL = 5;
  private static final byte STRING = 6;
  private static final byte BYTES = 7;
  private static final byte END_ROW = 8;

  /** Cells in the order they were set, a row's followed by its END_ROW. */
  private static final class Batch {
    final byte[] kinds;
    final int[] columns;
    final long[] numbers;
    final Object[] objects;
    int cells;
    boolean last;

    Batch(int capacity) {
      kinds = new byte[capacity];
      columns = new int[capacity];
      numbers = new long[capacity];
      objects = new Object[capacity];
    }
  }

  private final ParquetWriter parquet;
  private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
  private final Thread writer;
  private volatile Throwable failure;
  private Batch current;
  private int batchRows;
  private long rows;
  private boolean finished;

  private ParquetPipeline(ParquetWriter parquet) {
    this.parquet = parquet;
    int capacity = BATCH_ROWS * (parquet.columns().size() + 1);
    for (int i = 0; i < BATCHES; i++) {
      free.add(new Batch(capacity));
    }
    current = free.poll();
    writer = new Thread(this::writeBatches, "preflyte-parquet-writer");
    writer.setDaemon(true);
  }

  /** Starts the thread that writes into {@code parquet}, which the caller closes after {@link #close}. */
  public static ParquetPipeline start(ParquetWriter parquet) {
    ParquetPipeline pipeline = new ParquetPipeline(parquet);
    pipeline.writer.start();
    return pipeline;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void setNull(int column) {
    add(NULL, column, 0, null);
  }

  @Override
  public void setBoolean(int column, boolean value) {
    add(BOOLEAN, column, value ? 1 : 0, null);
  }

  @Override
  public void setLong(int column, long value) {
    add(LONG, column, value, null);
  }

  @Override
  public void setDate(int column, int epochDay) {
    add(DATE, column, epochDay, null);
  }

  @Override
  public void setDouble(int column, double value) {
    add(DOUBLE, column, Double.doubleToRawLongBits(value), null);
  }

  @Override
  public void setDecimal(int column, BigDecimal value) {
    add(DECIMAL, column, 0, value);
  }

  @Override
  public void setString(int column, String value) {
    add(STRING, column, 0, value);
  }

  @Override
  public void setBytes(int column, byte[] value) {
    add(BYTES, column, 0, value);
  }

  @Override
  public void endRow() throws IOException {
    add(END_ROW, -1, 0, null);
    rows++;
    if (++batchRows == BATCH_ROWS) {
      handOver(false);
      current = take(free);
      batchRows = 0;
    }
  }

  /** Hands over the last rows and waits until every row is written; throws the writer's failure. */
  public void finish() throws IOException {
    if (!finished) {
      finished = true;
      handOver(true);
    }
    join();
    rethrowFailure();
  }

  /** Stops the writing thread, after what it was given, and waits for it. */
  @Override
  public void close() throws IOException {
    if (!finished) {
      finished = true;
      current.cells = 0; // rows not handed over are not written: the caller gave up on them
      put(true);
    }
    join();
  }

  private void add(byte kind, int column, long number, Object object) {
    Batch batch = current;
    int cell = batch.cells;
    if (cell == batch.kinds.length) {
      throw new IllegalStateException("a row of the Parquet pipeline has more cells than its "
          + parquet.columns().size() + " columns: set each column once, then endRow()");
    }
    batch.kinds[cell] = kind;
    batch.columns[cell] = column;
    batch.numbers[cell] = number;
    batch.objects[cell] = object;
    batch.cells = cell + 1;
  }

  private void handOver(boolean last) throws IOException {
    rethrowFailure();
    put(last);
  }

  private void put(boolean last) throws IOException {
    current.last = last;
    try {
      full.put(current);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while handing rows to the Parquet writer");
    }
  }

  private static Batch take(BlockingQueue<Batch> queue) throws IOException {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the Parquet writer");
    }
  }

  private void join() throws IOException {
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the Parquet writer to finish");
    }
  }

  private void rethrowFailure() throws IOException {
    Throwable thrown = failure;
    if (thrown instanceof IOException e) {
      throw e;
    }
    if (thrown instanceof RuntimeException e) {
      throw e;
    }
    if (thrown instanceof Error e) {
      throw e;
    }
  }

  /** The writing thread: replays each batch into the writer; after a failure it only recycles them. */
  private void writeBatches() {
    while (true) {
      Batch batch;
      try {
        batch = full.take();
      } catch (InterruptedException e) {
        failure = new InterruptedIOException("the Parquet writer was interrupted");
        return;
      }
      if (failure == null) {
        try {
          replay(batch);
        } catch (IOException | RuntimeException | Error e) {
          failure = e;
        }
      }
      boolean last = batch.last;
      Arrays.fill(batch.objects, 0, batch.cells, null);
      batch.cells = 0;
      batch.last = false;
      free.add(batch);
      if (last) {
        return;
      }
    }
  }

  private void replay(Batch batch) throws IOException {
    for (int cell = 0; cell < batch.cells; cell++) {
      int column = batch.columns[cell];
      long number = batch.numbers[cell];
      switch (batch.kinds[cell]) {
        case NULL -> parquet.setNull(column);
        case LONG -> parquet.setLong(column, number);
        case DOUBLE -> parquet.setDouble(column, Double.longBitsToDouble(number));
        case BOOLEAN -> parquet.setBoolean(column, number != 0);
        case DATE -> parquet.setDate(column, (int) number);
        case DECIMAL -> parquet.setDecimal(column, (BigDecimal) batch.objects[cell]);
        case STRING -> parquet.setString(column, (String) batch.objects[cell]);
        case BYTES -> parquet.setBytes(column, (byte[]) batch.objects[cell]);
        case END_ROW -> parquet.endRow();
        default -> throw new IllegalStateException("unknown cell kind " + batch.kinds[cell]);
      }
    }
  }
}
