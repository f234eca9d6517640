/**
 * {@code fieldguide serve}: a preview server for authors. It builds the site into memory, serves it
 * on 127.0.0.1 under a base path, watches {@code content/} and {@code templates/}, rebuilds on a
 * change, compares the new output with the previous one and reloads only the open pages whose
 * output changed (through Server-Sent Events and a small script injected in serve mode only). A
 * build with errors leaves the last good site in place and shows its diagnostics over every open
 * page until they are fixed.
 *
 * <p>{@link org.fieldguide.serve.Preview} is the entry point; the rest is package-private: {@code
 * Routes} (request path to file), {@code OutputChanges} and {@code ReloadAnalysis} (which outputs
 * changed and which open pages must reload), {@code LiveEvents} (the event stream), {@code
 * SourceWatcher} (recursive watching, editor scratch files ignored), {@code PreviewServer} (HTTP),
 * and before it {@code RequestLimits} (version and sizes) and {@code HostPolicy} (the hosts and
 * origins the preview answers, against DNS rebinding).
 */
package org.fieldguide.serve;
