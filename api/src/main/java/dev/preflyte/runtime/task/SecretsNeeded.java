package dev.preflyte.runtime.task;

import java.util.List;

/**
 * Implemented by a task type's configuration that reads Flyte secrets: every task of that type
 * requests them in its SecurityContext, beside the secrets its {@link TaskSettings} name, so its
 * users need not repeat them (flytekit's SQLAlchemyTask forgets to: flyte#6416).
 */
public interface SecretsNeeded {

  /** The secrets this configuration reads when the task runs. */
  List<SecretRequest> secretsNeeded();
}
