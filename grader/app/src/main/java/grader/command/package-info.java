/**
 * What every command of {@code grader.jar} shares: its exit codes and the options that limit a
 * submission's test JVMs. A leaf of the application: it may use the engine's configuration, and no
 * other package of the application.
 */
package grader.command;
