package org.fieldguide.pipeline;

import java.nio.file.Path;
import java.util.Collection;

/**
 * One build: the {@link Pipeline}'s stages run once with a {@link BuildState}, which holds what
 * earlier builds with it read and made. A build with a fresh state does all the work; {@code serve}
 * keeps one state from build to build, so a rebuild redoes only what a change affects. Both run the
 * same stages, so an incremental build gives what a build from nothing gives.
 */
public final class Build {
  private final BuildOptions options;
  private final BuildState state;

  public Build(BuildOptions options) {
    this(options, new BuildState());
  }

  /**
   * A build that starts from what the last build with {@code state} left (see {@code serve}) and
   * leaves its own results there for the next.
   */
  public Build(BuildOptions options, BuildState state) {
    this.options = options;
    this.state = state;
  }

  /** A build that reads every file. */
  public BuildResult run() {
    return run(null);
  }

  /**
   * A build that reads again only the files and folders in {@code changed} (absolute paths created,
   * changed or deleted since the last build with this state), or every file if it is null. The
   * drawing cache file the options name, if any, is read while the sources load and written after.
   */
  public BuildResult run(Collection<Path> changed) {
    StageClock clock = StageClock.fromEnvironment();
    try {
      state.drawings.startLoading(options.drawingCache(), options.version());
      state.memo.startLoading(
          options.drawingCache() == null || state.keepsOutput(options)
              ? null // a build that holds every page's bytes has no use for pages made before
              : options.drawingCache().resolveSibling(MemoFile.FILE),
          options.version());
      BuildResult result = new Pipeline(options, state, clock).run(changed);
      state.drawings.saveIfChanged(options.version()); // failed builds' drawings are good too
      clock.lap("write");
      if (result.written()) {
        state.memo.save(options.outDir()); // else the file still tells what the output holds
      }
      clock.lap("save memo");
      return result;
    } catch (RuntimeException | Error e) {
      state.forget(); // a build cut short leaves results that may not fit together; start afresh
      throw e;
    } finally {
      clock.print(System.err);
    }
  }
}
