package dev.vidgate.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Vidgate: {@code java -jar vidgate.jar} serves the API; {@code java -jar vidgate.jar keys create ...} makes a key. */
@SpringBootApplication(scanBasePackages = {"dev.vidgate.app", "dev.vidgate.api"})
@ConfigurationPropertiesScan("dev.vidgate.app")
public class VidgateApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("keys")) {
            System.exit(KeysCommand.run(args));
        }
        SpringApplication.run(VidgateApplication.class, args);
    }
}
