/**
 * Java types for Flyte's offloaded values: {@link dev.preflyte.runtime.types.FlyteFile}, {@link
 * dev.preflyte.runtime.types.FlyteDirectory} and {@link dev.preflyte.runtime.types.StructuredDataset}.
 * Files and directories decoded from task inputs download lazily, once, into the task's working
 * directory; local ones returned as outputs are uploaded under the raw output prefix.
 */
package dev.preflyte.runtime.types;
