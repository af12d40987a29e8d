/** Runs tasks on a developer's machine through exactly the path {@code preflyte-execute} takes. */
package dev.preflyte.runtime.local;
