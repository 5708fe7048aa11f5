package com.hdcompose.cli;

import com.hdcompose.engine.harmonize.HarmonizerProvider;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code hdcompose} command: holds the options every subcommand shares; alone it prints usage. */
@Command(name = "hdcompose", mixinStandardHelpOptions = true, version = "HD Compose 0.1.0",
        description = "Harmonize composites: re-light and re-colour a pasted object so it belongs in the photo.",
        subcommands = {HarmonizeCommand.class, EvaluateCommand.class, BenchCommand.class})
public final class HdComposeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = "--models", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = "models",
            description = "Folder with the ONNX models and models.json (default: ${DEFAULT-VALUE}).")
    Path modelsDir;

    private final Function<Path, HarmonizerProvider> providerFactory;

    HdComposeCommand(Function<Path, HarmonizerProvider> providerFactory) {
        this.providerFactory = providerFactory;
    }

    /** A new provider for the chosen models folder; the caller closes it. */
    HarmonizerProvider openProvider() {
        return providerFactory.apply(modelsDir);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
