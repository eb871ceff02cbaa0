/**
 * monitor tells which services of a server cluster are healthy. Its code is in rooms, one package each, and data
 * flows one way through them: a room imports only the rooms below it. {@code ArchitectureTest} fails when one
 * reaches back up.
 *
 * <pre>
 * cli        the command line (the only room with picocli): commands, *Options mixins, converters, help
 *  ├─&gt; serve      monitor serve: check, repeated in the background ──&gt; check; its last outcome over HTTP
 *  └─&gt; check      one check, and the watches that repeat it: read, analyse, judge, record
 *       ├─&gt; console    stdout, stderr, the terminal, the progress bar, signals ──&gt; render
 *       ├─&gt; fetch      the policy, cache or fetch (ClusterReader), and the wire (ClusterConnection)
 *       │    ├─&gt; api        the REST client interface, TLS, credentials, proxy
 *       │    └─&gt; snapshot   the snapshot file, and the data: Snapshot, Server
 *       ├─&gt; history    verdicts of past fetches, beside the snapshot
 *       └─&gt; analysis   Analyzer, pure: the one Verdict, and the one Outcome (Report or Unavailable)
 * context    named clusters: read by cli alone, handed down as a value
 * files      what monitor's own files share      text   how outside text is shown
 * mock       the fake cluster API, beside the flow: dev mode, monitor mock-server, the tests
 * </pre>
 *
 * What each room may import of the others (and no room imports one not listed):
 * <ul>
 * <li>{@code cli}: any room. Nothing imports {@code cli}, and no other room imports picocli.</li>
 * <li>{@code serve}: check, console (signals), render (the metrics), fetch ({@code Diagnostics}), analysis, snapshot.
 * Only {@code cli} imports it; it and {@code mock} are the only rooms that open a port.</li>
 * <li>{@code check}: console, render, fetch, history, analysis, snapshot, files, text.</li>
 * <li>{@code console}: render, fetch (the {@code Diagnostics} and {@code FetchProgress} it implements),
 * analysis, files.</li>
 * <li>{@code render}: analysis, history, snapshot, text.</li>
 * <li>{@code fetch}: api, snapshot, analysis, files, text.</li>
 * <li>{@code context}: api, analysis, files. Only {@code cli} imports it.</li>
 * <li>{@code history}: analysis, snapshot, files, text.</li>
 * <li>{@code api}: files.</li>
 * <li>{@code analysis}: snapshot's data ({@code Snapshot}, {@code Server}), text; no I/O at all (no java.io,
 * java.nio, java.net but {@code URI}, Vert.x, REST client, Mutiny or Jackson).</li>
 * <li>{@code snapshot}: files, text.</li>
 * <li>{@code files}: text.</li>
 * <li>{@code text} and {@code mock}: none. Only {@code cli} imports {@code mock}.</li>
 * </ul>
 */
package dev.monitor;
