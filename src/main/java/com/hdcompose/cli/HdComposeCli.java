package com.hdcompose.cli;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * Runs the command line and turns every failure into one line on stderr and an exit code: 2 for bad input or
 * arguments, 1 for internal failures; a stack trace only with {@code --verbose}.
 */
public final class HdComposeCli {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    private HdComposeCli() {
    }

    public static int execute(String[] args) {
        return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Providers::create);
    }

    /** Runs {@code args} with the given streams and source of harmonizers; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err,
                              Function<Path, HarmonizerProvider> providers) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        try {
            return run(args, out, err, providers, verbose);
        } catch (RuntimeException | Error e) {
            return report(e, err, verbose);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err,
                           Function<Path, HarmonizerProvider> providers, boolean verbose) {
        HdComposeCommand root = new HdComposeCommand(providers);
        CommandLine cmd = new CommandLine(root);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, ignored) -> {
            err.println("error: " + oneLine(ex.getMessage()) + " (see '" + commandName(ex) + " --help')");
            printTrace(ex, err, verbose);
            return BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parsed) -> report(ex, err, verbose));
        return cmd.execute(args);
    }

    /** Prints {@code ex} as one line and returns its exit code. */
    static int report(Throwable ex, PrintWriter err, boolean verbose) {
        int code;
        if (ex instanceof HarmonizeException he) {
            code = he.kind() == HarmonizeException.Kind.BAD_INPUT ? BAD_INPUT : INTERNAL_ERROR;
            err.println("error: " + oneLine(he.getMessage()));
        } else if (ex instanceof OutOfMemoryError) {
            code = INTERNAL_ERROR;
            err.println("error: out of memory (try a smaller image or a larger -Xmx)");
        } else {
            code = INTERNAL_ERROR;
            String detail = ex.getMessage() == null ? ex.getClass().getSimpleName() : oneLine(ex.getMessage());
            err.println("error: internal error: " + detail + (verbose ? "" : " (run with --verbose for details)"));
        }
        printTrace(ex, err, verbose);
        return code;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }

    private static String commandName(ParameterException ex) {
        return ex.getCommandLine().getCommandSpec().qualifiedName();
    }

    private static void printTrace(Throwable ex, PrintWriter err, boolean verbose) {
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }
}
