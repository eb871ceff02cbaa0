package dev.monitor.context;

/** What the contexts file holds under a name: a context a run can use, or an entry that says why it cannot. */
public sealed interface ContextEntry permits ClusterContext, BrokenContext {
}
