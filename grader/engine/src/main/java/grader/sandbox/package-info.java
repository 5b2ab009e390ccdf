/**
 * The kernel sandbox around each test JVM: bubblewrap (the sandbox Flatpak uses,
 * https://github.com/containers/bubblewrap) gives the child its own network, mount, PID, IPC and UTS
 * namespaces, read-only binds of the JDK and of a slim class path (never the reference solution, the kit's
 * sources or the mutants), a private tmpfs as its working folder and home, and limits on processes, open
 * files and file size; optionally it runs as another, unprivileged user. Uses {@code grader.common} only.
 */
package grader.sandbox;
