/**
 * Conversion between Java values and Flyte literals, each with its LiteralType.
 *
 * <p>{@link dev.preflyte.runtime.literal.LiteralCodecs} hands out the codecs; {@link
 * dev.preflyte.runtime.literal.LiteralTypes} describes types and literals in one line for messages.
 * What each codec writes is what flytekit (1.14+) writes for the matching Python type, so that a Java
 * task and a Python task can be wired together in either direction:
 *
 * <ul>
 *   <li>Optional values carry flytekit's {@code structure.tag} on every union variant, because
 *       flytekit selects the Python type of a union value by that tag and propeller's type checker
 *       rejects a tagged upstream variant whose tag differs downstream.
 *   <li>Structs declare no JSON schema: propeller accepts a STRUCT connection when either side has
 *       none, but compares two schemas strictly, and one generated here could not equal the schema
 *       mashumaro derives from the Python dataclass. Property names are the Java names, unchanged, so
 *       a struct shared with Python uses the dataclass field names (snake_case) in Java too.
 *   <li>Enum values are the constant names; an enum shared with Python names its constants after the
 *       Python enum's string values.
 *   <li>Inside a struct, values take mashumaro's forms: a datetime is an ISO-8601 string with offset
 *       {@code +00:00} (microseconds, or nanoseconds when the value has them), a duration is float
 *       seconds, an enum its name, a file or directory {@code {"path": uri}}, a dataset {@code {"uri",
 *       "file_format"}}.
 * </ul>
 */
package dev.preflyte.runtime.literal;
