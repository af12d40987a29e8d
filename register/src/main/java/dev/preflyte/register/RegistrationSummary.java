package dev.preflyte.register;

import java.util.List;

/**
 * The results of {@link AdminClient#registerAll}, in the order the specs were given.
 *
 * @param results one per task spec
 */
public record RegistrationSummary(List<RegistrationResult> results) {

  public RegistrationSummary {
    results = List.copyOf(results);
  }

  public long registered() {
    return count(RegistrationResult.Outcome.REGISTERED);
  }

  public long unchanged() {
    return count(RegistrationResult.Outcome.UNCHANGED);
  }

  public long failed() {
    return count(RegistrationResult.Outcome.FAILED);
  }

  /** True when every task is registered or unchanged. */
  public boolean succeeded() {
    return failed() == 0;
  }

  public List<RegistrationResult> failures() {
    return results.stream().filter(result -> !result.succeeded()).toList();
  }

  /** For example {@code "3 tasks: 1 registered, 1 unchanged, 1 failed"}. */
  public String summaryLine() {
    return results.size() + (results.size() == 1 ? " task: " : " tasks: ") + registered()
        + " registered, " + unchanged() + " unchanged, " + failed() + " failed";
  }

  private long count(RegistrationResult.Outcome outcome) {
    return results.stream().filter(result -> result.outcome() == outcome).count();
  }
}
