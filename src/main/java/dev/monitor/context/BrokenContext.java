package dev.monitor.context;

import java.nio.file.Path;

/**
 * An entry of the contexts file that cannot be used (no url, a level that is no level, a misspelt key). It is
 * kept as the file has it rather than failing the whole file: {@code context list} shows it with its problem,
 * {@code context remove} repairs the file, and rewriting the file for another entry leaves it as it was.
 *
 * @param problem what is wrong, in a few words that follow the context's name ({@code no url})
 */
public record BrokenContext(Path file, String problem) implements ContextEntry {

    /** Said with the file, which is the way out: a broken entry is fixed or removed there. */
    ContextException unusable(String name) {
        return new ContextException(file + ": context '" + name + "': " + problem + " (fix or remove it in that file)");
    }
}
