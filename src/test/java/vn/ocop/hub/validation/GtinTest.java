package vn.ocop.hub.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtinTest {

    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "73513537", "036000291452", "10012345678902", "8936045123454"})
    void acceptsPublishedExamplesOfEveryLength(String gtin) {
        assertThat(Gtin.hasValidCheckDigit(gtin)).isTrue();
        assertThat(Gtin.isValid(gtin)).isTrue();
    }

    @Test
    void computesTheCheckDigitFromTheRight() {
        assertThat(Gtin.checkDigit("400638133393")).isEqualTo(1);
        assertThat(Gtin.checkDigit("7351353")).isEqualTo(7);
        assertThat(Gtin.checkDigit("03600029145")).isEqualTo(2);
        assertThat(Gtin.checkDigit("1001234567890")).isEqualTo(2);
    }

    @Test
    void leftPaddingKeepsTheCheckDigit() {
        assertThat(Gtin.hasValidCheckDigit("0036000291452")).isTrue();
        assertThat(Gtin.hasValidCheckDigit("00036000291452")).isTrue();
    }

    @Test
    void aCheckDigitOfZeroIsComputedAsZeroNotTen() {
        // body whose weighted sum is a multiple of 10
        assertThat(Gtin.checkDigit("0000000000000")).isZero();
        assertThat(Gtin.hasValidCheckDigit("00000000")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "73513530", "8936045123455"})
    void rejectsAWrongCheckDigit(String gtin) {
        assertThat(Gtin.hasValidCheckDigit(gtin)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"7", "40063813339A1", " 4006381333931", "４００６３８１３３３９３１"})
    void rejectsWhatIsNotOnlyAsciiDigits(String text) {
        assertThat(Gtin.hasValidCheckDigit(text)).isFalse();
    }

    @Test
    void isValidAlsoChecksTheLength() {
        // a correct check digit on a length GS1 never issues
        String tenDigits = "123456789" + Gtin.checkDigit("123456789");
        assertThat(Gtin.hasValidCheckDigit(tenDigits)).isTrue();
        assertThat(Gtin.isValid(tenDigits)).isFalse();
    }

    @Test
    void checkDigitRefusesNonDigitBodies() {
        assertThatThrownBy(() -> Gtin.checkDigit("12a4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gtin.checkDigit("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gtin.checkDigit(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
