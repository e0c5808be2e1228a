package vn.ocop.hub.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ocop.hub.OcopHubApplication;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** What the benchmarks share: starting the hub in-process, free ports, machine state, formatting. */
final class BenchSupport {

    private BenchSupport() {
    }

    /**
     * Starts the hub with the shipped routes/ and connectors-config/ under {@code base}. Settings go
     * in as command-line arguments, which outrank the environment, so a stray partner variable
     * cannot leak in.
     */
    @SafeVarargs
    static ConfigurableApplicationContext startHub(Path base, String logLevel, List<String> settings,
                                                   ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        List<String> args = new ArrayList<>(List.of(
                "--hub.connectors-dir=" + base.resolve("connectors-config"),
                "--HUB_ROUTES_DIR=" + base.resolve("routes")));
        args.addAll(settings);
        Properties defaults = new Properties();
        defaults.setProperty("spring.main.banner-mode", "off");
        defaults.setProperty("logging.level.root", logLevel);
        defaults.setProperty("logging.level.vn.ocop.hub", logLevel);
        SpringApplication app = new SpringApplication(OcopHubApplication.class);
        app.setDefaultProperties(defaults);
        app.addInitializers(initializers);
        return app.run(args.toArray(String[]::new));
    }

    /**
     * The JDK HttpServer behind the fakes leaves Nagle's algorithm on unless told otherwise; with the
     * client's delayed ACKs every answer then waits ~40 ms: a property of the fake, not of the hub.
     * Read once when the first HttpServer is created, so call this before any fake starts.
     */
    static void noDelayAtFakes() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Other builds may recompile target/test-classes during a run: load every nested class now. */
    static void preload(Class<?> benchmark) throws ClassNotFoundException {
        for (Class<?> nested : benchmark.getDeclaredClasses()) {
            Class.forName(nested.getName(), true, benchmark.getClassLoader());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** HEAD and whether the hub's sources differ from it: other engineers edit main code meanwhile. */
    static String gitState() {
        String head = git("rev-parse", "--short", "HEAD").trim();
        List<String> dirty = git("status", "--porcelain", "--", "src/main", "routes", "connectors-config", "pom.xml")
                .lines().filter(l -> l.length() > 3).map(l -> l.substring(3)).toList();
        return "git " + (head.isEmpty() ? "?" : head) + (dirty.isEmpty() ? ", hub sources clean"
                : ", uncommitted changes in " + String.join(" ", dirty));
    }

    private static String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String fmt(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
