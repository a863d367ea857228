package dev.vidgate.app.cli;

import dev.vidgate.billing.Billing;
import dev.vidgate.common.ApiException;
import dev.vidgate.common.Failures;
import dev.vidgate.tenancy.Tenants;
import dev.vidgate.webhooks.Webhooks;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operator's commands ({@code java -jar vidgate.jar tenants create acme}, ...): the admin API's
 * operations without a running server or curl. They use the server's configuration and database;
 * {@code --vidgate.x=y} and {@code --spring.x=y} arguments configure them as they would the server.
 * Exit codes: 0 done, 1 failed (or reconciliation found problems), 2 misuse or refused input.
 */
public final class Cli {
    private static final Set<String> GROUPS = Set.of("tenants", "keys", "credits", "prices", "usage", "ledger", "webhooks");
    private static final String USAGE = "usage:\n" + TenantCommands.USAGE + "\n" + KeyCommands.USAGE + "\n" + MoneyCommands.USAGE + "\n"
            + WebhookCommands.USAGE;

    private Cli() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && (GROUPS.contains(args[0]) || args[0].equals("help"));
    }

    /**
     * Runs one operator command against the configured database.
     *
     * @param application the Spring Boot application class whose context gives the services (passed in
     *     so that this package does not depend on the one that starts it)
     */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> springArgs = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=") && arg.substring(2, arg.indexOf('=')).contains(".")) springArgs.add(arg);
            else words.add(arg);
        }
        if (words.isEmpty() || !GROUPS.contains(words.getFirst())) {
            out.println(USAGE);
            return words.isEmpty() || !words.getFirst().equals("help") ? 2 : 0;
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
        ConfigurableApplicationContext context;
        try {
            context = boot(application, group, springArgs);
        } catch (RuntimeException e) {
            err.println("error: cannot start against the configured database: " + Failures.rootMessage(e)
                    + (Failures.rootMessage(e).contains("already in use") ? "\n(an embedded H2 database serves one process: stop the server, "
                    + "or use the admin API while it runs)" : ""));
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
                default -> money.ledger(action, parsed);
            };
        } catch (Args.UsageException e) {
            return misuse(err, e);
        } catch (ApiException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static ConfigurableApplicationContext boot(Class<?> application, String group, List<String> springArgs) {
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("vidgate.command=" + group, "spring.main.banner-mode=off", "logging.level.root=WARN",
                        "logging.level.org.flywaydb=ERROR")
                .run(springArgs.toArray(String[]::new));
    }

    private static int misuse(PrintStream err, Args.UsageException e) {
        err.println("error: " + e.getMessage());
        err.println(USAGE);
        return 2;
    }

}
