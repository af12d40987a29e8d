package dev.preflyte.runtime.entrypoint;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Passes bytes on with the run's secret values replaced by {@code ****}, so a task (or a library it
 * uses) that prints a secret to stdout or stderr does not leak it into the pod's log. It streams:
 * whatever the line length and however the bytes are split into writes, only a tail that could
 * still be the start of a secret is held back (shorter than the longest secret), until the next
 * write completes or refutes it, or the stream is closed.
 */
final class ScrubbingOutputStream extends OutputStream {

  private final OutputStream target;
  private final SecretScrubber scrubber;
  private byte[] held = new byte[0];

  ScrubbingOutputStream(OutputStream target, SecretScrubber scrubber) {
    this.target = target;
    this.scrubber = scrubber;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    if (held.length == 0 && scrubber.isEmpty()) {
      target.write(bytes, offset, length); // no secret known: nothing to hide
      return;
    }
    byte[] data;
    if (held.length == 0 && offset == 0) {
      data = bytes;
    } else {
      data = Arrays.copyOf(held, held.length + length);
      System.arraycopy(bytes, offset, data, held.length, length);
      length = data.length;
    }
    int consumed = scrubber.mask(data, length, false, target);
    held = Arrays.copyOfRange(data, consumed, length);
  }

  /** Flushes what was passed on; a tail that may be the start of a secret stays held back. */
  @Override
  public synchronized void flush() throws IOException {
    target.flush();
  }

  /** Passes on the held-back tail, scrubbed, and flushes; the target stays open. */
  @Override
  public synchronized void close() throws IOException {
    release();
  }

  /**
   * Passes on the held-back tail, scrubbed, and flushes, the stream staying usable: for when the JVM
   * ends before the stream can be closed.
   */
  synchronized void release() throws IOException {
    if (held.length > 0) {
      scrubber.mask(held, held.length, true, target);
      held = new byte[0];
    }
    target.flush();
  }
}
