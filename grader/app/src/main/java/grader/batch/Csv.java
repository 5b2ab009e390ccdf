package grader.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 text, both ways: fields separated by commas, a field in double quotes may hold commas, line
 * breaks and doubled quotes. Reading accepts CRLF or LF line ends, a UTF-8 byte-order mark (Excel and Canvas
 * write one) and a missing final line break; writing quotes only the fields that need it and ends every
 * row with CRLF. Cells are kept exactly, so a file read and written again is unchanged but for quoting.
 */
final class Csv {
    static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {}

    /** A malformed file: says where, so the instructor can find the line. */
    static final class MalformedCsvException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedCsvException(String message) {
            super(message);
        }
    }

    /** The rows of {@code text}; a blank line is a row with one empty cell and is dropped. */
    static List<List<String>> parse(String text) throws MalformedCsvException {
        String body = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '"' && cell.length() == 0) {
                int start = line;
                i++;
                while (true) {
                    if (i >= body.length()) {
                        throw new MalformedCsvException("line " + start + ": a quoted field is never closed");
                    }
                    char q = body.charAt(i);
                    if (q == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        line += q == '\n' ? 1 : 0;
                        cell.append(q);
                        i++;
                    }
                }
                if (i < body.length() && ",\r\n".indexOf(body.charAt(i)) < 0) {
                    throw new MalformedCsvException("line " + line + ": text after a closing quote; a quote inside a "
                            + "quoted field must be doubled (\"\")");
                }
                continue;
            }
            if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                row.add(cell.toString());
                cell.setLength(0);
                addUnlessBlank(rows, row);
                row = new ArrayList<>();
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
            } else {
                cell.append(c);
            }
            i++;
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            addUnlessBlank(rows, row);
        }
        return rows;
    }

    /** The rows as RFC 4180 text, each ended by CRLF. */
    static String format(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                text.append(i == 0 ? "" : ",").append(quoted(row.get(i)));
            }
            text.append("\r\n");
        }
        return text.toString();
    }

    /** The cell, in quotes when it holds a comma, a quote or a line break (spaces are part of a field, RFC 4180 2.4). */
    static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needsQuotes ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static void addUnlessBlank(List<List<String>> rows, List<String> row) {
        if (!(row.size() == 1 && row.get(0).isEmpty())) {
            rows.add(row);
        }
    }
}
