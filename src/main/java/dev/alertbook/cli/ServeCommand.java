package dev.alertbook.cli;

import dev.alertbook.serve.Preview;
import dev.alertbook.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alertbook serve}: a live preview of the site while editing it. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the site on 127.0.0.1, rebuild what changed on every save and reload the browser. "
                + "Errors are shown in the page instead of stopping the server.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Option(names = {"-p", "--port"}, defaultValue = "4000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkspaceLoader loader = repository.loader(err);
        if (loader == null) {
            return Main.USAGE;
        }
        Preview preview;
        try {
            preview = new Preview(repository.root(), loader, port, out);
        } catch (BindException e) {
            err.println("alertbook: port " + port + " is in use; choose another with --port");
            return Main.USAGE;
        }
        try (preview) {
            out.println("Serving " + preview.url() + (preview.errors() == 0 ? "" : " with " + preview.errors()
                    + " error(s) shown in the page") + "; press Ctrl+C to stop");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return Main.OK;
    }
}
