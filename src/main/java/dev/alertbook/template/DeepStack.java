package dev.alertbook.template;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs template parsing and execution on threads whose stack holds the deepest nesting the
 * parser and executor allow ({@link TemplateParser#MAX_DEPTH}, {@link Executor#MAX_NESTING}): Go's
 * goroutine stacks grow, and Go accepts 10,000 nested parentheses, where a default JVM thread
 * stack holds fewer than a thousand. With these limits counted explicitly and this much stack,
 * no template can overflow it.
 */
final class DeepStack {

    /**
     * The deepest templates the limits allow needed up to 32 MB on a cold JVM, whose interpreted
     * frames are the largest; this is eight times that. Only the pages a template reaches are
     * committed, and they go when the thread does.
     */
    private static final long STACK_BYTES = 256L << 20;

    /** Threads stay a few seconds after their last template, so a whole check reuses them. */
    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), DeepThread::new);

    private static final class DeepThread extends Thread {
        DeepThread(Runnable task) {
            super(null, task, "alertbook-template", STACK_BYTES);
            setDaemon(true);
        }
    }

    /** Work on a template that may fail as Go's template package does. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws TemplateException;
    }

    /**
     * Every level of nesting in a template opens with "{{" or "(", so a text with at most this
     * many of them nests a few dozen levels: a few hundred KB of stack even interpreted, which any
     * thread has. Nearly every alert template is that shallow.
     */
    private static final int SHALLOW_OPENERS = 32;

    private DeepStack() {
    }

    /**
     * The result of {@code work} on {@code text}: on this thread when the text is too shallow to
     * need a deep stack, else on a deep stack. Handing each template to another thread and back
     * was a fifth of the CPU time of a build: the hand-off thread and the kernel's scheduling.
     * Running can nest deeper than the text only through template calls, and a {@code query}
     * runs PromQL, so texts that name either always get a deep stack.
     */
    static <T> T run(String text, Work<T> work) throws TemplateException {
        return shallow(text) ? work.run() : run(work);
    }

    static boolean shallow(String text) {
        if (text.contains("template") || text.contains("query")) {
            return false;
        }
        int openers = 0;
        for (int i = 0; i < text.length() && openers <= SHALLOW_OPENERS; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                openers++;
            }
        }
        return openers <= SHALLOW_OPENERS;
    }

    /** The result of {@code work}, run on a deep stack; what it throws is thrown here. */
    static <T> T run(Work<T> work) throws TemplateException {
        if (Thread.currentThread() instanceof DeepThread) {
            return work.run();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        THREADS.execute(() -> {
            try {
                result.complete(work.run());
            } catch (TemplateException | RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TemplateException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
