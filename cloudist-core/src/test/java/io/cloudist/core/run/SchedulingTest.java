package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.plan.Granularity;
import io.cloudist.core.plan.RunOrder;
import org.junit.jupiter.api.Test;

class SchedulingTest {

    @Test
    void unsetWorkersAreOnePerProcessorWithFourReplacementsEach() {
        Scheduling scheduling = Scheduling.forProcessors(6).build();

        assertThat(scheduling.workers()).isEqualTo(6);
        assertThat(scheduling.maxWorkerRestarts()).isEqualTo(24);
        assertThat(scheduling.tasksPerWorker()).isEqualTo(4);
        assertThat(scheduling.targetTaskSeconds()).isZero();
        assertThat(scheduling.granularity()).isEqualTo(Granularity.CLASS);
        assertThat(scheduling.runOrder()).isEqualTo(RunOrder.DEFAULT);
    }

    @Test
    void replacementsFollowTheWorkersTheUserAskedFor() {
        assertThat(Scheduling.forProcessors(6).workers(3).build().maxWorkerRestarts())
                .isEqualTo(12);
    }

    @Test
    void replacementsTheUserSetAreKeptEvenAtZero() {
        Scheduling scheduling =
                Scheduling.forProcessors(6).workers(3).maxWorkerRestarts(0).build();

        assertThat(scheduling.workers()).isEqualTo(3);
        assertThat(scheduling.maxWorkerRestarts()).isZero();
    }

    @Test
    void namedValuesLandWhereTheirNamesSay() {
        Scheduling scheduling = Scheduling.forProcessors(2)
                .workers(5)
                .tasksPerWorker(7)
                .targetTaskSeconds(2.5)
                .granularity(Granularity.METHOD)
                .maxWorkerRestarts(9)
                .build();

        assertThat(scheduling).isEqualTo(new Scheduling(5, 7, 2.5, Granularity.METHOD, RunOrder.DEFAULT, 9));
    }

    @Test
    void aNegativeReplacementCountNamesItsProperty() {
        ConfigurationException e = catchThrowableOfType(
                () -> Scheduling.forProcessors(2).maxWorkerRestarts(-1).build(), ConfigurationException.class);

        assertThat(e)
                .hasMessageContaining(CloudistProperties.MAX_WORKER_RESTARTS)
                .hasMessageContaining("-1");
    }
}
