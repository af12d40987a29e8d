/**
 * CSV statistics, a typed pre-built task on files: a CSV file in, per-column summaries and a
 * cleaned copy of the file out. The parsing streams, so memory stays bounded however large the file.
 */
package dev.preflyte.samples.csv;
