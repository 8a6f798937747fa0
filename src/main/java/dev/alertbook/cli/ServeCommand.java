package dev.alertbook.cli;

import dev.alertbook.serve.Preview;
import dev.alertbook.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alertbook serve}: a live preview of the site while editing it. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the site (on 127.0.0.1 unless --bind says otherwise), rebuild what changed on every save and reload the browser. "
                + "Errors are shown in the page instead of stopping the server.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Option(names = {"-p", "--port"}, defaultValue = "4000", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "<address>", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). "
                    + "In a container, 0.0.0.0 lets the host reach the preview.")
    String bind;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkspaceLoader loader = repository.loader(err);
        if (loader == null) {
            return Main.USAGE;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            err.println("alertbook: --bind " + bind + " is not an address of this machine; use 127.0.0.1 or 0.0.0.0");
            return Main.USAGE;
        }
        if (!address.isLoopbackAddress()) {
            err.println("alertbook: warning: serving on " + address.getHostAddress() + ", not only this machine: "
                    + "anyone who can reach it can read the site and the rules. Use this in a container or on a trusted network.");
        }
        Preview preview;
        try {
            preview = new Preview(repository.root(), loader, address, port, out);
        } catch (BindException e) {
            err.println("alertbook: cannot listen on " + address.getHostAddress() + " port " + port + " (" + e.getMessage()
                    + "); choose another port with --port, or another address with --bind");
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
