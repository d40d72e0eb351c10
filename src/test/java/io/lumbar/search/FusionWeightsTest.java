package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** LUMBAR_FUSION's six numbers, as an operator writes them. */
class FusionWeightsTest {
  @Test
  void six_numbers_in_order_and_written_back_the_same_way() {
    FusionWeights weights = FusionWeights.parse(" 0.5, 0.2,1, 2.5 ,0.05,0.2");

    assertThat(weights).isEqualTo(new FusionWeights(0.5f, 0.2f, 1f, 2.5f, 0.05f, 0.2f));
    assertThat(weights).hasToString("0.5,0.2,1.0,2.5,0.05,0.2");
    assertThat(FusionWeights.parse(FusionWeights.DEFAULT.toString()))
        .isEqualTo(FusionWeights.DEFAULT);
  }

  @Test
  void anything_else_is_refused_with_the_expected_shape() {
    for (String bad :
        new String[] {"0.6,0.1,0.8", "0.6,0.1,0.8,3,0.03,", "0.6,0.1,x,3,0.03,0.15"}) {
      assertThatThrownBy(() -> FusionWeights.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Fusion weights are six numbers FLOOR,SPAN,LOW,HIGH,AGREE,DISAGREE, got '"
                  + bad
                  + "'");
    }
    assertThatThrownBy(() -> FusionWeights.parse("0.6,0.1,NaN,3,0.03,0.15"))
        .hasMessage("Fusion weights must be finite numbers, got '0.6,0.1,NaN,3,0.03,0.15'");
  }
}
