package dev.vidgate.app.cli;

import dev.vidgate.billing.Billing;
import dev.vidgate.common.ApiException;
import dev.vidgate.common.Failures;
import dev.vidgate.tenancy.Tenants;
import dev.vidgate.webhooks.Webhooks;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's commands ({@code vidgate tenants create acme}, ...): the admin API's operations
 * without curl. While a server runs ({@code VIDGATE_URL} and {@code VIDGATE_ADMIN_KEY} set) they go to its
 * admin API ({@link RemoteCommands}); otherwise they use the server's configuration and database;
 * {@code --vidgate.x=y} and {@code --spring.x=y} arguments configure them as they would the server.
 * Exit codes: 0 done, 1 failed (or reconciliation found problems), 2 misuse or refused input.
 */
public final class Cli {
    private static final Set<String> GROUPS = Set.of("tenants", "keys", "credits", "prices", "usage", "ledger", "webhooks", "database");
    private static final String COMMANDS = (TenantCommands.USAGE + "\n" + KeyCommands.USAGE + "\n" + MoneyCommands.USAGE + "\n"
            + WebhookCommands.USAGE + "\n" + DatabaseCommands.USAGE).lines()
            .map(line -> line.startsWith("vidgate ") ? "  " + line : line).collect(Collectors.joining("\n"));
    private static final String USAGE = "usage:\n" + COMMANDS;

    private Cli() {}

    /**
     * True for {@code --help}, {@code -h}, {@code --version} and any command line with a word (not a
     * {@code --name=value} setting): those are answered here and never start a server, so a mistyped
     * command is told so instead of serving.
     */
    public static boolean handles(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.equals("--help") || arg.equals("--version")) return true;
        }
        return false;
    }

    /**
     * Runs one operator command against the configured database.
     *
     * @param application the Spring Boot application class whose context gives the services (passed in
     *     so that this package does not depend on the one that starts it)
     */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        return run(application, args, System.getenv(), out, err);
    }

    /** As above, with {@code env} in place of the process's environment ({@code VIDGATE_URL}, {@code VIDGATE_ADMIN_KEY}). */
    public static int run(Class<?> application, String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--version")) {
            out.println(Help.version());
            return 0;
        }
        if (Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
            out.println(Help.text(COMMANDS));
            return 0;
        }
        List<String> springArgs = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=") && arg.substring(2, arg.indexOf('=')).contains(".")) springArgs.add(arg);
            else words.add(arg);
        }
        if (words.isEmpty() || !GROUPS.contains(words.getFirst())) {
            if (!words.isEmpty() && words.getFirst().equals("help")) {
                out.println(Help.text(COMMANDS));
                return 0;
            }
            err.println(words.isEmpty() ? "missing command" : "unknown command '" + words.getFirst() + "'");
            err.println(USAGE);
            return 2;
        }
        String group = words.getFirst();
        boolean hasAction = !group.equals("usage");
        if (hasAction && (words.size() < 2 || words.get(1).startsWith("--"))) {
            err.println("missing action for '" + group + "'");
            err.println(USAGE);
            return 2;
        }
        String action = hasAction ? words.get(1) : "show";
        Args parsed;
        try {
            parsed = Args.parse(words.subList(hasAction ? 2 : 1, words.size()));
        } catch (Args.UsageException e) {
            return misuse(err, e);
        }
        String url = env.get("VIDGATE_URL");
        // the database's own file is no admin API's business: database commands always open it (a running server holds it)
        if (url != null && !url.isBlank() && !group.equals("database")) {
            try {
                return new RemoteCommands(AdminApi.of(url, env.get("VIDGATE_ADMIN_KEY")), out, err).run(group, action, parsed);
            } catch (AdminApi.Unreachable e) {
                err.println(e.getMessage() + ": opening the database instead");
            } catch (AdminApi.Failed e) {
                err.println("error: " + e.getMessage());
                return e.exitCode;
            } catch (Args.UsageException e) {
                return misuse(err, e);
            }
        }
        ConfigurableApplicationContext context;
        try {
            context = boot(application, group, springArgs);
        } catch (RuntimeException e) {
            String cause = Failures.rootMessage(e);
            // H2 says "The file is locked" (or "already in use") while a server holds its file.
            boolean locked = cause.contains("already in use") || cause.contains("file is locked");
            err.println("error: cannot start against the configured database: " + cause + (locked ? "\n" + whileServing(group) : ""));
            return 1;
        }
        try (context) {
            Tenants tenants = context.getBean(Tenants.class);
            Billing billing = context.getBean(Billing.class);
            var money = new MoneyCommands(tenants, billing, out);
            return switch (group) {
                case "tenants" -> new TenantCommands(tenants, billing, out).run(action, parsed);
                case "keys" -> new KeyCommands(tenants, out).run(action, parsed);
                case "credits" -> money.credits(action, parsed);
                case "prices" -> money.prices(action, parsed);
                case "usage" -> money.usage(parsed);
                case "webhooks" -> new WebhookCommands(context.getBean(Webhooks.class), tenants, out).run(action, parsed);
                case "database" -> new DatabaseCommands(context.getBean(DataSource.class), out).run(action, parsed);
                default -> money.ledger(action, parsed);
            };
        } catch (Args.UsageException e) {
            return misuse(err, e);
        } catch (ApiException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (DataAccessException e) {
            // the database failed the command (a full disk during a compaction): said in one line, not a stack trace
            err.println("error: " + Failures.rootMessage(e));
            return 1;
        }
    }

    private static ConfigurableApplicationContext boot(Class<?> application, String group, List<String> springArgs) {
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("vidgate.command=" + group, "spring.main.banner-mode=off", "logging.level.root=WARN",
                        "logging.level.org.flywaydb=ERROR")
                .run(springArgs.toArray(String[]::new));
    }

    /** What to do when a running server holds the embedded database: only the database's own commands must stop it. */
    private static String whileServing(String group) {
        return group.equals("database") ? "(an embedded H2 database serves one process: stop the server first)"
                : "(an embedded H2 database serves one process: stop the server, or let the command use the running server's "
                + "admin API: set VIDGATE_URL=http://localhost:8080 and VIDGATE_ADMIN_KEY)";
    }

    private static int misuse(PrintStream err, Args.UsageException e) {
        err.println("error: " + e.getMessage());
        err.println(USAGE);
        return 2;
    }

}
