package grader.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Java source as a list of normalized tokens, for comparing submissions: comments and whitespace are
 * dropped, every string or char literal becomes {@code "S"}, every number {@code 0}, and every
 * identifier {@code id}, except keywords and names right after a dot (members of the kit's API, such as
 * {@code .sqrt} or {@code .mean}, which a student cannot rename). Renaming variables, reformatting,
 * rewording comments or changing constants therefore changes nothing.
 */
final class JavaTokens {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "var", "record", "yield", "true", "false", "null");

    private JavaTokens() {}

    static List<String> of(String source) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (source.startsWith("//", i)) {
                i = endOfLine(source, i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                tokens.add("\"S\"");
            } else if (c == '"' || c == '\'') {
                i = endOfQuoted(source, i, c);
                tokens.add("\"S\"");
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1))) {
                i++;
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '.'
                        || source.charAt(i) == '_' || (source.charAt(i) == '-' || source.charAt(i) == '+')
                        && (source.charAt(i - 1) == 'e' || source.charAt(i - 1) == 'E'))) {
                    i++;
                }
                tokens.add("0");
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
                    i++;
                }
                String word = source.substring(start, i);
                boolean member = !tokens.isEmpty() && tokens.get(tokens.size() - 1).equals(".");
                tokens.add(KEYWORDS.contains(word) || member ? word : "id");
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    private static int endOfLine(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end + 1;
    }

    private static int endOfQuoted(String source, int from, char quote) {
        int i = from + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(source.length(), i + 1);
    }
}
