package com.hdcompose.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatestRequestSchedulerTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final List<String> events = new CopyOnWriteArrayList<>();
    /** Runs tasks on one worker thread and delivers there, like the editor's preview executor. */
    private final TaskExecutor executor = new TaskExecutor() {
        @Override
        public <T> void execute(BackgroundTask<T> task) {
            pool.execute(() -> new DirectTaskExecutor().execute(task));
        }
    };
    private final LatestRequestScheduler scheduler = new LatestRequestScheduler(executor);

    @AfterEach
    void tearDown() {
        scheduler.close();
        pool.shutdownNow();
    }

    private BackgroundTask<String> task(String name, long workMillis, CountDownLatch done) {
        BackgroundTask<String> t = BackgroundTask.of(name, ctx -> {
            long end = System.nanoTime() + workMillis * 1_000_000;
            while (System.nanoTime() < end) {
                ctx.checkCancelled();
                Thread.sleep(2);
            }
            return name;
        });
        t.onSuccess(r -> log("ok:" + r, done)).onCancelled(() -> log("cancelled:" + name, done))
                .onFailure(e -> log("failed:" + name, done));
        return t;
    }

    private void log(String event, CountDownLatch done) {
        events.add(event);
        done.countDown();
    }

    @Test
    void newestWinsAndStaleRunIsCancelled() throws Exception {
        CountDownLatch done = new CountDownLatch(3);
        scheduler.submit(task("a", 500, done), 0, true);
        Thread.sleep(50);
        scheduler.submit(task("b", 500, done), 0, true);
        scheduler.submit(task("c", 20, done), 0, true);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactlyInAnyOrder("cancelled:a", "cancelled:b", "ok:c");
        assertThat(events.get(events.size() - 1)).isEqualTo("ok:c");
    }

    @Test
    void nonYieldingRunFinishesWhileQueuedOnesAreReplaced() throws Exception {
        CountDownLatch done = new CountDownLatch(4);
        scheduler.submit(task("drag1", 150, done), 0, false);
        Thread.sleep(30);
        scheduler.submit(task("drag2", 10, done), 0, false);
        scheduler.submit(task("drag3", 10, done), 0, false);
        scheduler.submit(task("drag4", 10, done), 0, false);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).contains("ok:drag1", "ok:drag4", "cancelled:drag2", "cancelled:drag3");
    }

    @Test
    void debounceCoalescesABurstIntoOneRun() throws Exception {
        CountDownLatch done = new CountDownLatch(10);
        for (int i = 0; i < 10; i++) {
            scheduler.submit(task("t" + i, 1, done), 60, true);
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events.stream().filter(e -> e.startsWith("ok:"))).containsExactly("ok:t9");
        assertThat(events.stream().filter(e -> e.startsWith("cancelled:"))).hasSize(9);
    }

    @Test
    void continuousBurstStillStartsRunsEveryInterval() throws Exception {
        CountDownLatch done = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            scheduler.submit(task("d" + i, 1, done), 20, false);
            Thread.sleep(5);
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        long ran = events.stream().filter(e -> e.startsWith("ok:")).count();
        assertThat(ran).isGreaterThan(1).isLessThan(40);
        assertThat(events).contains("ok:d39");
    }

    @Test
    void cancelAllStopsThePendingRequest() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        scheduler.submit(task("run", 2000, done), 0, false);
        Thread.sleep(30);
        scheduler.submit(task("pending", 10, done), 500, true);
        scheduler.cancelAll();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactlyInAnyOrder("ok:run", "cancelled:pending");
    }
}
