/** The annotations authors of Flyte pre-built container tasks put on their code. */
package dev.preflyte.annotations;
