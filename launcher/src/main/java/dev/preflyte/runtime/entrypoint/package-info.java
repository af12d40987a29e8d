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
 * {@code error.pb} and exits 0 (1 with {@code FLYTE_FAIL_ON_ERROR=true}), classified by
 * {@link dev.preflyte.runtime.entrypoint.ErrorClassifier}:
 *
 * <table>
 *   <caption>Error codes</caption>
 *   <tr><th>code</th><th>kind</th><th>origin</th><th>when</th></tr>
 *   <tr><td>{@code USER:<ExceptionSimpleName>}</td><td>NON_RECOVERABLE</td><td>USER</td>
 *       <td>the task's code threw</td></tr>
 *   <tr><td>{@code USER:Recoverable}</td><td>RECOVERABLE</td><td>USER</td>
 *       <td>the task's code threw {@code RecoverableException}</td></tr>
 *   <tr><td>{@code USER:InputMismatch}</td><td>NON_RECOVERABLE</td><td>USER</td>
 *       <td>inputs missing, undeclared or of the wrong type</td></tr>
 *   <tr><td>{@code USER:OutputMismatch}</td><td>NON_RECOVERABLE</td><td>USER</td>
 *       <td>the executor returned outputs that differ from the interface</td></tr>
 *   <tr><td>{@code SYSTEM:TemplateLoad}</td><td>RECOVERABLE</td><td>SYSTEM</td>
 *       <td>the template cannot be read or parsed</td></tr>
 *   <tr><td>{@code SYSTEM:ExecutorLoad}</td><td>RECOVERABLE</td><td>SYSTEM</td>
 *       <td>no executor under the name, or its classes cannot be loaded</td></tr>
 *   <tr><td>{@code SYSTEM:InputLoad}</td><td>RECOVERABLE</td><td>SYSTEM</td>
 *       <td>the inputs file is not a LiteralMap</td></tr>
 *   <tr><td>{@code SYSTEM:Storage}</td><td>RECOVERABLE</td><td>SYSTEM</td>
 *       <td>any storage read or write failed, in task code too</td></tr>
 * </table>
 *
 * <p>Messages hold the exception's type, message and stack trace; secret values the run handed out
 * are replaced by {@code ****}. Only when {@code error.pb} itself cannot be written does the process
 * exit non-zero (3), with one line on stderr; a wrong command line exits 2.
 */
package dev.preflyte.runtime.entrypoint;
