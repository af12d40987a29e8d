package dev.preflyte.runtime.entrypoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes text on line by line with the secret values a run handed out replaced by {@code ****}, so a
 * task (or a library it uses) that prints a secret to stdout or stderr does not leak it into the
 * pod's log. A line is held back until its newline, the stream's close, or a size limit.
 */
final class ScrubbingOutputStream extends OutputStream {

  private static final int MAX_PENDING = 64 * 1024;

  private final OutputStream target;
  private final SecretScrubber scrubber;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

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
    if (scrubber.isEmpty() && pending.size() == 0) {
      target.write(bytes, offset, length); // no secret handed out yet: nothing to hide
      return;
    }
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n') {
        pending.write(bytes, start, i + 1 - start);
        drain();
        start = i + 1;
      }
    }
    if (start < end) {
      pending.write(bytes, start, end - start);
      if (pending.size() >= MAX_PENDING) {
        drain();
      }
    }
  }

  /**
   * Flushes the complete lines passed on so far. A partial line stays held back: PrintStream flushes
   * after every print, and a secret printed in two parts must still be recognized.
   */
  @Override
  public synchronized void flush() throws IOException {
    target.flush();
  }

  /** Passes on the held-back partial line, scrubbed, and flushes; the target stays open. */
  @Override
  public synchronized void close() throws IOException {
    drain();
    target.flush();
  }

  private void drain() throws IOException {
    if (pending.size() == 0) {
      return;
    }
    byte[] line = pending.toByteArray();
    pending.reset();
    target.write(scrubber.scrub(line));
  }
}
