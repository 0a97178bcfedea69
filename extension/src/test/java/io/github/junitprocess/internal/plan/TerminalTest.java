package io.github.junitprocess.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalTest {

  @ParameterizedTest
  @CsvSource({"80x24, 80, 24", "120X40, 120, 40", "' 1x1 ', 1, 1", "65535x65535, 65535, 65535"})
  void aSizeIsColumnsByRows(String text, int columns, int rows) {
    Terminal t = Terminal.parse(text);

    assertThat(t.columns()).isEqualTo(columns);
    assertThat(t.rows()).isEqualTo(rows);
    assertThat(t).hasToString(columns + "x" + rows);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "80", "80x", "x24", "80*24", "80 x 24", "-1x24", "80x24x1", "ax b"})
  void aMalformedSizeSaysWhatIsExpected(String text) {
    assertThatThrownBy(() -> Terminal.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not COLUMNSxROWS, e.g. \"80x24\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x24", "80x0", "65536x24", "80x999999999"})
  void aSizeOutOfRangeSaysTheRange(String text) {
    assertThatThrownBy(() -> Terminal.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text)
        .hasMessageContaining("1..65535 columns and rows");
  }
}
