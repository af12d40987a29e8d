/** Finds a task's executor by name: one class-path resource per task, or a JPMS service provider. */
package dev.preflyte.runtime.registry;
