/**
 * {@code preflyte-execute}: what runs inside a task's container.
 *
 * <p>Flyte's container plugin starts it with the args Preflyte registers:
 *
 * <pre>
 * preflyte-execute --inputs {{.input}} --output-prefix {{.outputPrefix}}
 *     --raw-output-data-prefix {{.rawOutputDataPrefix}} --checkpoint-path {{.checkpointOutputPrefix}}
 *     --prev-checkpoint {{.prevCheckpointPrefix}} --resolver dev.preflyte.runtime.entrypoint.TemplateFileResolver
 *     -- {{.taskTemplatePath}} &lt;executor name&gt;
 * </pre>
 *
 * <p>It reads the template, finds the executor by name, checks the inputs against the template's
 * interface, runs the executor, checks its outputs and writes {@code outputs.pb}. On failure it writes
 * {@code error.pb} and exits 0 (1 with {@code FLYTE_FAIL_ON_ERROR=true}), classified by the one table
 * in {@link dev.preflyte.runtime.entrypoint.ErrorClassifier}. Messages hold the exception's type,
 * message and stack trace; every secret of the container is replaced by {@code ****} there and in
 * everything the task prints ({@link dev.preflyte.runtime.entrypoint.SecretScrubber}). How the run
 * ends when task code ends the JVM or a signal arrives: {@link dev.preflyte.runtime.entrypoint.ShutdownGuard}.
 * Only when {@code error.pb} itself cannot be written does the process exit non-zero (3), with one
 * line on stderr; a wrong command line exits 2.
 */
package dev.preflyte.runtime.entrypoint;
