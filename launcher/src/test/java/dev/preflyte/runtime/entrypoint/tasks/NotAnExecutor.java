package dev.preflyte.runtime.entrypoint.tasks;

/** Registered by mistake: a class that is not a TaskExecutor. */
public class NotAnExecutor {}
