package autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalFieldTest {
    /** The same bits as parseDouble, so that -0.0 and 0.0, or two neighbouring doubles, are told apart. */
    private static void assertSameAsParseDouble(String text) {
        char[] line = ("x," + text + ",y").toCharArray();
        double parsed = DecimalField.parse(line, 2, 2 + text.length());
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text.trim())), Double.doubleToRawLongBits(parsed),
                () -> "'" + text + "': parseDouble gives " + Double.parseDouble(text.trim()) + ", DecimalField " + parsed);
    }

    @Test
    void plainDecimalsOfOneToSeventeenDigitsReadAsParseDoubleReadsThem() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            String digits = Long.toString(Math.floorMod(random.nextLong(), 1_000_000_000_000_000L));
            digits = "0".repeat(random.nextInt(3)) + digits.substring(random.nextInt(digits.length()));  // 1 to 17 digits
            int point = random.nextInt(digits.length() + 1);
            assertSameAsParseDouble(digits.substring(0, point) + "." + digits.substring(point));
            assertSameAsParseDouble(digits);
        }
    }

    @Test
    void everythingElseIsLeftToParseDouble() {
        for (String text : List.of("1.", ".5", "007", "0", "0.0", "-0.0", "-3.25", "+1", "1e-3", "2.5E10", " 2.5 ", "\t7",
                "1234567890123456789", "0.12345678901234567890", "123456789012345.6", "NaN", "-Infinity", "0x1p3")) {
            assertSameAsParseDouble(text);
        }
    }

    @Test
    void whatIsNotANumberThrowsAsParseDoubleDoes() {
        for (String text : List.of("", ".", "abc", "1.2.3", "1,5", "--1", " ")) {
            char[] line = ("<" + text + ">").toCharArray();
            assertThrows(NumberFormatException.class, () -> DecimalField.parse(line, 1, 1 + text.length()),
                    "'" + text + "' is not a number");
        }
    }
}
