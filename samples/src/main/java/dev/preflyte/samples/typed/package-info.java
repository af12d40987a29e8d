/**
 * Typed pre-built tasks: configuration in record components, inputs in {@code execute}'s
 * parameters, outputs in its return value. Preflyte's processor generates their task classes,
 * executors and registrations during this module's compilation.
 */
package dev.preflyte.samples.typed;
