package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScrubbingOutputStreamTest {

  private static final List<String> SECRETS = List.of("s3cr3t", "s3cr3t-longer", "päss\nword", "zz");

  private static SecretScrubber scrubber() {
    SecretScrubber scrubber = new SecretScrubber();
    SECRETS.forEach(scrubber::remember);
    return scrubber;
  }

  /** Writes {@code text} split at the given random points and closes: what reached the target. */
  private static String throughStream(String text, Random random, int maxChunk) throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    ScrubbingOutputStream stream = new ScrubbingOutputStream(target, scrubber());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int i = 0;
    while (i < bytes.length) {
      int n = Math.min(bytes.length - i, 1 + random.nextInt(maxChunk));
      if (random.nextBoolean()) {
        byte[] padded = new byte[n + 3]; // an offset into a larger array, as PrintStream passes them
        System.arraycopy(bytes, i, padded, 2, n);
        stream.write(padded, 2, n);
      } else {
        for (int j = 0; j < n; j++) {
          stream.write(bytes[i + j]);
        }
      }
      stream.flush();
      i += n;
    }
    stream.close();
    return target.toString(StandardCharsets.UTF_8);
  }

  @Test
  void howeverTheBytesAreSplitTheOutputIsTheWholeTextScrubbed() throws IOException {
    Random random = new Random(42);
    String[] pieces = {"s3cr3t", "s3cr3t-longer", "päss\nword", "zz", "s3cr", "x", "\n", "ä", "-longer", "z", " "};
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String expected = scrubber().scrub(text.toString());
      assertEquals(expected, throughStream(text.toString(), random, 1 + random.nextInt(12)), text.toString());
    }
  }

  @Test
  void aSecretAfterAVeryLongLineWithoutNewlineIsMasked() throws IOException {
    String text = "x".repeat(1_000_000) + "s3cr3t-longer" + "y".repeat(100_000);
    String out = throughStream(text, new Random(1), 70_000);
    assertFalse(out.contains("s3cr3t"), "masked");
    assertEquals(1_100_004, out.length());
  }

  @Test
  void onlyATailThatCouldStartASecretIsHeldBack() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    ScrubbingOutputStream stream = new ScrubbingOutputStream(target, scrubber());
    stream.write("progress 10%".getBytes(StandardCharsets.UTF_8));
    assertEquals("progress 10%", target.toString(StandardCharsets.UTF_8), "no secret starts here: nothing held");
    stream.write("... s3cr".getBytes(StandardCharsets.UTF_8));
    assertEquals("progress 10%... ", target.toString(StandardCharsets.UTF_8), "the possible start of a secret waits");
    stream.write("3t!".getBytes(StandardCharsets.UTF_8));
    assertEquals("progress 10%... ****!", target.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aFileSecretWithItsNewlineKeepsTheLinesApart() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    SecretScrubber scrubber = new SecretScrubber();
    scrubber.remember("from-a-file\n");
    ScrubbingOutputStream stream = new ScrubbingOutputStream(target, scrubber);
    stream.write("token=from-a-file\nnext line\n".getBytes(StandardCharsets.UTF_8));
    stream.close();
    assertEquals("token=****\nnext line\n", target.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutSecretsBytesPassStraightThrough() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    ScrubbingOutputStream stream = new ScrubbingOutputStream(target, new SecretScrubber());
    stream.write(new byte[] {(byte) 0xff, 's', 'e'});
    assertTrue(target.size() == 3, "nothing held back");
  }
}
