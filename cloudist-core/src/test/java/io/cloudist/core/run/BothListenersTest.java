package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cloudist.core.coordinate.CoordinatorListener;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BothListenersTest {
    @Test
    void forwardsEveryCallbackOfTheCoordinatorListener() {
        for (Method method : CoordinatorListener.class.getMethods()) {
            assertThatCode(() -> BothListeners.class.getDeclaredMethod(method.getName(), method.getParameterTypes()))
                    .as("BothListeners forwards %s", method.getName())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void tellsTheFirstListenerThenTheSecond() {
        List<String> heard = new ArrayList<>();
        CoordinatorListener first = new CoordinatorListener() {
            @Override
            public void workerNotReplaced(String reason) {
                heard.add("first " + reason);
            }
        };
        CoordinatorListener second = new CoordinatorListener() {
            @Override
            public void workerNotReplaced(String reason) {
                heard.add("second " + reason);
            }
        };
        new BothListeners(first, second).workerNotReplaced("no capacity");
        assertThat(heard).containsExactly("first no capacity", "second no capacity");
    }
}
