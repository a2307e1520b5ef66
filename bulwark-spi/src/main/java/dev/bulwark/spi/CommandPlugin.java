package dev.bulwark.spi;

/**
 * Adds a subcommand to the {@code bulwark} CLI ({@code bulwark db}, {@code bulwark model}...). Found with
 * {@link java.util.ServiceLoader}. {@link #command()} returns a fresh picocli-annotated object
 * ({@code @Command}); its {@code call()} returns the exit code.
 */
public interface CommandPlugin {

  Object command();
}
