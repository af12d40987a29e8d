package dev.preflyte.runtime.task;

import dev.preflyte.idl.core.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The task-level settings of one task instance, as its builder collected them. Immutable; maps are
 * sorted so serialized templates are deterministic.
 */
public record TaskOptions(
    int retries,
    Duration timeout,
    boolean cache,
    String cacheVersion,
    boolean cacheSerializable,
    List<String> cacheIgnoredInputs,
    Boolean interruptible,
    List<SecretRequest> secrets,
    Map<String, String> env,
    Map<String, String> tags,
    Map<Resources.ResourceName, String> resourceRequests,
    Map<Resources.ResourceName, String> resourceLimits) {}
