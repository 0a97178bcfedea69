package io.github.junitprocess.examples;

import io.github.junitprocess.Share;
import io.github.junitprocess.SpawnProcess;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One server for the whole test run, declared once: every class that needs it puts this on a field
 * or parameter. The first class to run starts it; the others, also those running at the same time,
 * get the same process; it is stopped after the last class.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@SpawnProcess(
    value = {"python3", "src/test/resources/http/pid_server.py", "${port}"},
    name = "pid-server",
    readyPort = "${port}",
    share = Share.RUN)
public @interface SharedPidServer {}
