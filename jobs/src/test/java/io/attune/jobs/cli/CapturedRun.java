package io.attune.jobs.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A command run with its standard output captured (and echoed afterwards, for the test's log). */
record CapturedRun(int status, String output) {

    @FunctionalInterface
    interface Command {
        int run() throws Exception;
    }

    static CapturedRun of(Command command) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = command.run();
        } finally {
            System.setOut(stdout);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        stdout.println(output);
        return new CapturedRun(status, output);
    }
}
