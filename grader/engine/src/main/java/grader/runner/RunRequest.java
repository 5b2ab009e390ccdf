package grader.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the parent asks a child JVM to do, sent on the child's stdin (not its command line, which any
 * process on the machine can read): the socket file to report on, the secret, the compiled submission and the tests.
 *
 * @param selectors tests as {@code fully.qualified.Class#method}, in the order they should run
 */
record RunRequest(Path channel, String secret, Path submissionClasses, String hiddenPackage, List<String> selectors) {

    void writeTo(OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(channel).append('\n').append(secret).append('\n').append(submissionClasses).append('\n')
                .append(hiddenPackage).append('\n');
        selectors.forEach(selector -> text.append(selector).append('\n'));
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static RunRequest readFrom(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Path channel = Path.of(reader.readLine());
        String secret = reader.readLine();
        Path classes = Path.of(reader.readLine());
        String hiddenPackage = reader.readLine();
        List<String> selectors = new ArrayList<>();
        for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
            selectors.add(line);
        }
        return new RunRequest(channel, secret, classes, hiddenPackage, selectors);
    }
}
